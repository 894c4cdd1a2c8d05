package dev.switchboard.fakes.meta;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last time each customer (wa_id) wrote to the business: the 24-hour window opens and refreshes with it. */
final class CustomerWindows {

    private static final Duration WINDOW = Duration.ofHours(24);

    private final Map<String, Instant> lastInbound = new ConcurrentHashMap<>();

    void recordInbound(String waId, Instant at) {
        lastInbound.merge(waId, at, (old, now) -> now.isAfter(old) ? now : old);
    }

    boolean isOpen(String waId, Instant now) {
        var last = lastInbound.get(waId);
        return last != null && last.plus(WINDOW).isAfter(now);
    }
}
