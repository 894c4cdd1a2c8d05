package dev.switchboard.voice.store;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One call as stored: telephony state, who and what it was for, when it ran, how it ended, its recording. */
public record CallRecord(UUID tenantId, UUID id, String callSid, String direction, String from, String to,
                         String voiceAgent, String campaign, JsonNode context, UUID conversationId, String status,
                         String outcome, String answeredBy, String endReason, Instant startedAt, Instant answeredAt,
                         Instant endedAt, Integer durationSeconds, Integer billableMinutes, String recordingKey,
                         Long recordingBytes) {

    public boolean ended() {
        return endedAt != null;
    }
}
