package dev.switchboard.conversation;

import java.util.UUID;

public record ConversationClosed(UUID tenantId, UUID conversationId, Channel channel, String reason) {
}
