package dev.switchboard.voice;

import java.util.UUID;

/**
 * A call ended, once per call. {@code billableMinutes} (rounded up, as carriers bill) is the cost input billing
 * reads; {@code outcome} is completed, no-answer, busy, failed, voicemail or transferred.
 */
public record CallEnded(UUID tenantId, UUID callId, UUID conversationId, String direction, String outcome,
                        String campaign, int durationSeconds, int billableMinutes) {
}
