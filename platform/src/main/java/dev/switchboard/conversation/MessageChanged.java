package dev.switchboard.conversation;

import java.util.UUID;

/** A stored message changed in place: a tool call finished, a caller's voicemail grew. Live views show it again. */
public record MessageChanged(UUID tenantId, UUID conversationId, UUID messageId) {
}
