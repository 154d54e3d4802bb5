/**
 * The well registry: which wells exist, with their names and fields.
 */
package io.wellgate.well;
