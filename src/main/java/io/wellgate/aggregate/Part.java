package io.wellgate.aggregate;

/**
 * One stored column of a bucket and the aggregate expression over the raw rows {@code r} of the
 * bucket that computes it.
 *
 * @param additive whether the part is a count or a sum, so that the sum of a window's buckets is
 * the window's
 */
public record Part(String column, String type, String expression, boolean additive) {

	/** The bucket's rows. */
	static Part count(String column) {
		return new Part(column, "bigint", "count(*)", true);
	}

	/** The bucket's rows meeting {@code condition}. */
	static Part count(String column, String condition) {
		return new Part(column, "bigint", "count(*) FILTER (WHERE " + condition + ")", true);
	}

	/** The bucket's rows where {@code value} is not null. */
	static Part countOf(String column, String value) {
		return new Part(column, "bigint", "count(" + value + ")", true);
	}

	/** The sum of {@code value} over the bucket's rows. */
	static Part sum(String column, String value) {
		return new Part(column, "double precision", "sum(" + value + ")", true);
	}

	/** The sum of {@code value} over the bucket's rows meeting {@code condition}. */
	static Part sum(String column, String value, String condition) {
		return new Part(column, "double precision", "sum(" + value + ") FILTER (WHERE " + condition + ")", true);
	}

	/** Any other aggregate: a window's value cannot be had by adding its buckets'. */
	static Part number(String column, String expression) {
		return new Part(column, "double precision", expression, false);
	}

}
