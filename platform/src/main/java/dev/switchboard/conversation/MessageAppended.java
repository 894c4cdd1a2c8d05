package dev.switchboard.conversation;

import java.util.UUID;

/** Any message was added to a conversation (live views refresh on it). */
public record MessageAppended(UUID tenantId, UUID conversationId, UUID messageId, long seq, MessageRole role,
                              Channel channel) {
}
