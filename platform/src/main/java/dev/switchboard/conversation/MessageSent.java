package dev.switchboard.conversation;

import java.util.UUID;

/** An AI or human message went out to the customer (or failed to: see {@code status}). */
public record MessageSent(UUID tenantId, UUID conversationId, UUID messageId, MessageRole role, Channel channel,
                          String status) {
}
