package dev.switchboard.voice.store;

import java.time.Instant;

/** Filters of the call log; null means any. Pages go newest first, continuing before {@code beforeStartedAt}. */
public record CallQuery(String direction, String outcome, String agent, String campaign, String number, Instant since,
                        Instant until, Instant beforeStartedAt, java.util.UUID beforeId, int limit) {
}
