package io.wellgate.aggregate;

/**
 * One stored column of a bucket and the aggregate expression over the raw rows {@code r} of the
 * bucket that computes it.
 */
public record Part(String column, String type, String expression) {

	/** Whether the part is a count or a sum, so that the sum of a window's buckets is the window's. */
	boolean summable() {
		return this.expression.startsWith("count(") || this.expression.startsWith("sum(");
	}

	static Part count(String column) {
		return new Part(column, "bigint", "count(*)");
	}

	static Part count(String column, String condition) {
		return new Part(column, "bigint", "count(*) FILTER (WHERE " + condition + ")");
	}

	static Part number(String column, String expression) {
		return new Part(column, "double precision", expression);
	}

}
