package dev.switchboard.agent;

import java.util.UUID;

/** One model call's usage and cost, for analytics and billing. {@code costMicros}: US dollars times a million. */
public record UsageRecorded(UUID tenantId, UUID conversationId, UUID turnId, String provider, String model,
                            long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                            long costMicros) {
}
