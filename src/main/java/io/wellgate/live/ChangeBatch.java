package io.wellgate.live;

import java.time.Instant;
import java.util.List;

/**
 * What the feed learnt in one read of its connection: the changes of every statement committed
 * since the last read, and when it learnt them. {@code everything} means the feed cannot tell
 * what changed (it was disconnected meanwhile): every well may have.
 */
record ChangeBatch(List<Change> changes, Instant committedAt, boolean everything) {

	static ChangeBatch everything(Instant at) {
		return new ChangeBatch(List.of(), at, true);
	}

}
