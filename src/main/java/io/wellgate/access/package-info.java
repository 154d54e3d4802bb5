/**
 * Who the caller is and what it may do: API keys and JWTs ({@code Credentials}), scopes, the
 * security filter chain, and the caller's oil fields ({@link io.wellgate.access.FieldScope}), taken
 * from its credentials once per request and applied by every read and write path.
 */
package io.wellgate.access;
