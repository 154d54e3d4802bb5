package io.wellgate.live;

import java.time.OffsetDateTime;

/**
 * A push of {@code wellChanged}: the well's telemetry or diagnostics changed over
 * {@code [from, to]}, in statements committed by {@code committedAt} (the instant the change
 * feed heard of the last of them). The well itself is resolved afresh for every push.
 */
record WellChange(String wellId, OffsetDateTime from, OffsetDateTime to, OffsetDateTime committedAt) {
}
