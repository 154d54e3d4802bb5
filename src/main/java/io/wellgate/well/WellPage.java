package io.wellgate.well;

import java.util.List;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * A page of wells in id order, as the controllers return it: a Spring Data {@link Window} (its
 * wells, their keyset positions, whether more follow) and whether it was asked for after a cursor.
 * The second part is what a bare {@code Window} cannot say: Spring's {@code WindowConnectionAdapter}
 * answers {@code hasPreviousPage} false for every forward keyset page, where wellgate's contract
 * has always answered true after a cursor. {@link WellPageConnectionAdapter} turns it into the
 * Relay connection.
 */
record WellPage(Window<Well> window, boolean afterCursor) {

	/**
	 * The page of {@code size} wells out of {@code fetched}, which the keyset statement read with
	 * one well more than {@code size} so that whether more follow costs no second statement.
	 */
	static WellPage of(List<Well> fetched, int size, String afterId) {
		boolean more = fetched.size() > size;
		List<Well> wells = more ? fetched.subList(0, size) : fetched;
		return new WellPage(Window.from(wells, i -> WellCursors.after(wells.get(i)), more), afterId != null);
	}

	/** The well id a requested page starts after, or null for the first page. */
	static String afterId(ScrollSubrange range) {
		return range.position().map(WellCursors::id).orElse(null);
	}

}
