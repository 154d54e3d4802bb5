package io.wellgate.well;

import java.util.List;

/**
 * A page of wells, as a Relay connection.
 */
record WellConnection(List<Edge> edges, PageInfo pageInfo) {

	record Edge(String cursor, Well node) {
	}

	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
