package dev.switchboard.voice;

import java.util.UUID;

/** A call was answered and its pipeline started; {@code conversationId} is its conversation on the voice channel. */
public record CallStarted(UUID tenantId, UUID callId, UUID conversationId, String direction, String voiceAgent) {
}
