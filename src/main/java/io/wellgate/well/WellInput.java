package io.wellgate.well;

import java.time.LocalDate;

/**
 * The GraphQL {@code WellInput}: one well's metadata.
 */
record WellInput(String id, String name, String field, String pumpModel, LocalDate installedAt) {
}
