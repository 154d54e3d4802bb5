package io.wellgate.aggregate;

import java.time.OffsetDateTime;
import java.util.List;

import io.wellgate.access.Scopes;
import io.wellgate.error.BadArgumentException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code aggregateStatus} and the admin {@code refreshAggregates}.
 */
@Controller
class AggregateController {

	private final AggregateEngine engine;

	private final AggregateStatuses statuses;

	AggregateController(AggregateEngine engine, AggregateStatuses statuses) {
		this.engine = engine;
		this.statuses = statuses;
	}

	@QueryMapping
	List<AggregateStatus> aggregateStatus() {
		return this.statuses.list();
	}

	@MutationMapping
	@PreAuthorize("hasAuthority('" + Scopes.AGGREGATES_ADMIN + "')")
	List<AggregateStatus> refreshAggregates(@Argument String aggregate, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to) {
		AggregateName name = (aggregate == null) ? null : AggregateName.of(aggregate)
			.orElseThrow(() -> new BadArgumentException("aggregate",
					"unknown aggregate '" + aggregate + "'; one of " + AggregateName.ids()));
		if ((from == null) != (to == null)) {
			throw new BadArgumentException(from == null ? "from" : "to", "from and to go together: give both, or neither");
		}
		if (from != null && !from.isBefore(to)) {
			throw new BadArgumentException("from", "must be before to");
		}
		this.engine.refreshAll(name, from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
		return this.statuses.list()
			.stream()
			.filter(status -> aggregate == null || status.name().equals(aggregate))
			.toList();
	}

}
