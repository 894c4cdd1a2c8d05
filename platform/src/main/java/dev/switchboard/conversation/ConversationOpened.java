package dev.switchboard.conversation;

import java.util.UUID;

public record ConversationOpened(UUID tenantId, UUID conversationId, UUID contactId, Channel channel) {
}
