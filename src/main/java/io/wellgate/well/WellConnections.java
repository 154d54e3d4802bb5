package io.wellgate.well;

import java.util.List;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.ConnectionFieldTypeVisitor;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder;
import org.springframework.stereotype.Component;

/**
 * The well lists' Relay connections on Spring for GraphQL's connection support. The controllers
 * take a {@code ScrollSubrange} (decoded by the {@link WellCursors} strategy, which replaces Boot's
 * default one) and return a {@link WellPage}; the type visitor registered here turns that into the
 * {@code WellConnection} the schema declares.
 * <p>
 * Boot registers a visitor of its own (for bare {@code Window} and {@code Slice} results); each
 * visitor wraps the data fetchers the previous one left, and a fetcher that already returns a
 * connection passes through the outer ones, so this one has to come first: otherwise Boot's would
 * meet the {@code WellPage} and fail on it. A component (not a configuration class) so that
 * {@code @GraphQlTest} slices of the controllers get it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WellConnections implements GraphQlSourceBuilderCustomizer {

	@Bean
	static EncodingCursorStrategy<ScrollPosition> wellCursorStrategy() {
		return WellCursors.STRATEGY;
	}

	@Override
	public void customize(SchemaResourceBuilder builder) {
		builder.typeVisitors(List.of(ConnectionFieldTypeVisitor.create(new WellPageConnectionAdapter(WellCursors.STRATEGY))));
	}

}
