package io.wellgate.live;

import java.util.List;
import java.util.regex.Pattern;

import io.wellgate.error.BadArgumentException;

/** The checks of the subscriptions' arguments, with the errors queries give. */
final class LiveArguments {

	static final int MAX_INTERVAL_MILLIS = 60_000;

	static final int MAX_IDS = 1000;

	private static final Pattern WELL_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private LiveArguments() {
	}

	static int minInterval(Integer millis) {
		if (millis == null || millis < 0 || millis > MAX_INTERVAL_MILLIS) {
			throw new BadArgumentException("minIntervalMs", "must be between 0 and " + MAX_INTERVAL_MILLIS + ", got " + millis);
		}
		return millis;
	}

	static List<String> ids(List<String> ids) {
		if (ids == null) {
			return null;
		}
		if (ids.isEmpty() || ids.size() > MAX_IDS) {
			throw new BadArgumentException("ids", "must name between 1 and " + MAX_IDS + " wells (or be left out for every well), got "
					+ ids.size());
		}
		for (int i = 0; i < ids.size(); i++) {
			if (!WELL_ID.matcher(ids.get(i)).matches()) {
				throw new BadArgumentException("ids", "ids[" + i + "] is not a well id ([A-Za-z0-9_.-]{1,64})");
			}
		}
		return List.copyOf(ids);
	}

}
