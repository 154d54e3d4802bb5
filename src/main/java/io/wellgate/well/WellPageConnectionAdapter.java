package io.wellgate.well;

import java.util.Collection;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.ConnectionAdapter;
import org.springframework.graphql.data.pagination.ConnectionAdapterSupport;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.WindowConnectionAdapter;

/**
 * Adapts a {@link WellPage} to a Relay connection for Spring for GraphQL's
 * {@code ConnectionFieldTypeVisitor}: edges, cursors and {@code hasNextPage} are the
 * {@link WindowConnectionAdapter}'s over the page's window; {@code hasPreviousPage} is whether the
 * page was asked for after a cursor.
 */
final class WellPageConnectionAdapter extends ConnectionAdapterSupport<ScrollPosition> implements ConnectionAdapter {

	private final WindowConnectionAdapter windows;

	WellPageConnectionAdapter(CursorStrategy<ScrollPosition> cursors) {
		super(cursors);
		this.windows = new WindowConnectionAdapter(cursors);
	}

	@Override
	public boolean supports(Class<?> containerType) {
		return WellPage.class.isAssignableFrom(containerType);
	}

	@Override
	public <T> Collection<T> getContent(Object container) {
		return this.windows.getContent(page(container).window());
	}

	@Override
	public boolean hasPrevious(Object container) {
		return page(container).afterCursor();
	}

	@Override
	public boolean hasNext(Object container) {
		return this.windows.hasNext(page(container).window());
	}

	@Override
	public String cursorAt(Object container, int index) {
		return this.windows.cursorAt(page(container).window(), index);
	}

	private static WellPage page(Object container) {
		return (WellPage) container;
	}

}
