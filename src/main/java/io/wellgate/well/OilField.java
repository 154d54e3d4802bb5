package io.wellgate.well;

/**
 * An oil field: the wells registered with that field name.
 */
record OilField(String name, int wellCount) {
}
