package dev.switchboard.conversation;

import java.util.UUID;

/** The AI (or a rule) asked for a human; the workspace assigns someone or queues it. */
public record HandoffRequested(UUID tenantId, UUID conversationId, Channel channel, String reason) {
}
