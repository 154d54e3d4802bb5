package io.wellgate.well;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A registered well: the aggregate root of the well registry (Spring Data JDBC), read from the
 * view {@code wells_with_spans}: the table {@code wells} with each well's span of samples as of
 * now. Its metadata is written through the bulk write path ({@link WellSchema}); the span is
 * logged by every telemetry write and moved into {@code wells} by the refresh (migration 0014).
 *
 * @param id the well's id, as sent in its telemetry
 * @param name a display name, or null
 * @param field the oil field it belongs to, or null
 * @param pumpModel the ESP model, or null
 * @param installedAt the day the pump was installed, or null
 * @param firstSampleAt the time of its earliest sample ever stored, or null without samples
 * @param lastSampleAt the time of its newest sample, or null without samples
 */
@Table("wells_with_spans")
public record Well(@Id String id, String name, String field, String pumpModel, LocalDate installedAt,
		OffsetDateTime firstSampleAt, OffsetDateTime lastSampleAt) {

	/** A well known only by its id (rows that outlived their registry entry). */
	public static Well unregistered(String id) {
		return new Well(id, null, null, null, null, null, null);
	}

}
