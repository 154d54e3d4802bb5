/**
 * Who may see and write which wells: the caller's oil fields ({@link io.wellgate.access.FieldScope}),
 * taken from its credentials once per request, and applied by every read and write path. It
 * imports no feature, so that every feature can use it.
 */
package io.wellgate.access;
