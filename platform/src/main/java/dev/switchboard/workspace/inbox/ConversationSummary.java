package dev.switchboard.workspace.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the conversation list, and the payload of a live conversation event.
 *
 * @param assignee    who holds it or was offered it; null when nobody
 * @param lastMessage the newest message that is not a tool call, for the preview; null before the first
 */
public record ConversationSummary(UUID id, String channel, String status, String owner, Person assignee,
                                  String handoffReason, String language, UUID contactId, String contactName,
                                  LastMessage lastMessage, Instant openedAt, Instant lastMessageAt, Instant closedAt,
                                  String closeReason, Integer csat) {

    public record LastMessage(String role, String text, Instant at) {
    }

    InboxCursor cursor() {
        return new InboxCursor(lastMessageAt, id);
    }
}
