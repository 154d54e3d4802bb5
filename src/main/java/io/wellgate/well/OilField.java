package io.wellgate.well;

/**
 * An oil field: the wells registered with that field name.
 */
public record OilField(String name, int wellCount) {
}
