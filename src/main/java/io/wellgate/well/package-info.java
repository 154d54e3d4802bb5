/**
 * The well registry: which wells exist with their metadata (a Spring Data JDBC aggregate, written
 * through the bulk write path), the span of their samples, their current reading, and the oil
 * fields they form.
 */
package io.wellgate.well;
