package dev.switchboard.agent;

import java.util.UUID;

/** The agent used {@code end_call}: the voice module hangs up once the reply has been spoken. */
public record CallEndRequested(UUID tenantId, UUID conversationId, UUID turnId, String reason) {
}
