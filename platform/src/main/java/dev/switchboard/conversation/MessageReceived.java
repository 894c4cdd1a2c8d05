package dev.switchboard.conversation;

import java.util.UUID;

/** A customer message was stored; {@code owner} says who must answer it (the AI agent or a human). */
public record MessageReceived(UUID tenantId, UUID conversationId, UUID messageId, long seq, Channel channel,
                              Owner owner) {
}
