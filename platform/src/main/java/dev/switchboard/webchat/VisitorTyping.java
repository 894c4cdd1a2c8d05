package dev.switchboard.webchat;

import java.util.UUID;

/**
 * A web chat visitor started or stopped typing in a conversation. Ephemeral: published in memory only, for live
 * views (the workspace), never stored.
 */
public record VisitorTyping(UUID tenantId, UUID conversationId, boolean active) {
}
