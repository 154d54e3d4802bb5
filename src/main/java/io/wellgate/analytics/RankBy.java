package io.wellgate.analytics;

/**
 * What wells are ranked by.
 */
public enum RankBy {

	EFFICIENCY, HEALTH

}
