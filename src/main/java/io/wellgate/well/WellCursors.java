package io.wellgate.well;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;


import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import io.wellgate.error.BadArgumentException;

/**
 * The cursors of the well lists, through Spring for GraphQL's {@link CursorStrategy}: a cursor is a
 * keyset position on the well id ({@code {id: ...}}), written {@code well:<id>} and then made opaque
 * with unpadded URL-safe Base64. That is the text the service issued before it moved onto
 * {@code ScrollSubrange}, so a cursor a client holds keeps working. Anything else passed as
 * {@code after} is refused as a bad request naming {@code after}, never an internal error: the
 * argument resolver decodes the cursor before the controller runs.
 */
final class WellCursors implements CursorStrategy<ScrollPosition> {

	/** The strategy the service's connections use; a bean, so that it replaces Boot's default. */
	static final EncodingCursorStrategy<ScrollPosition> STRATEGY = CursorStrategy.withEncoder(new WellCursors(),
			new UrlSafeBase64());

	private static final String KEY = "id";

	private static final String PREFIX = "well:";

	private WellCursors() {
	}

	/** The position of {@code well} in an id-ordered list: the next page starts right after it. */
	static ScrollPosition after(Well well) {
		return ScrollPosition.forward(Map.of(KEY, well.id()));
	}

	/** The well id a position is after; only this strategy makes positions, so it has one. */
	static String id(ScrollPosition position) {
		return (String) ((KeysetScrollPosition) position).getKeys().get(KEY);
	}

	@Override
	public boolean supports(Class<?> targetType) {
		return ScrollPosition.class.isAssignableFrom(targetType);
	}

	@Override
	public String toCursor(ScrollPosition position) {
		return PREFIX + id(position);
	}

	@Override
	public ScrollPosition fromCursor(String cursor) {
		if (!cursor.startsWith(PREFIX)) {
			throw notACursor();
		}
		return ScrollPosition.forward(Map.of(KEY, cursor.substring(PREFIX.length())));
	}

	private static BadArgumentException notACursor() {
		return new BadArgumentException("after", "not a cursor of this list; pass a pageInfo.endCursor or edge cursor");
	}

	/** Unpadded URL-safe Base64 (Spring's own {@link CursorEncoder#base64()} pads, and fails with an internal error). */
	private static final class UrlSafeBase64 implements CursorEncoder {

		@Override
		public String encode(String cursor) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String decode(String cursor) {
			try {
				return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw notACursor();
			}
		}

	}

}
