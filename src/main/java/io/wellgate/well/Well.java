package io.wellgate.well;

/**
 * A registered well.
 */
public record Well(String id, String name, String field) {
}
