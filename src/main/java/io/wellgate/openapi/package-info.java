/**
 * The OpenAPI 3.1 document of the REST endpoints (springdoc, at {@code /v3/api-docs}, with
 * Swagger UI): the bulk bodies are described from the same record definitions that validate
 * them, so the document cannot drift from the rules.
 */
package io.wellgate.openapi;
