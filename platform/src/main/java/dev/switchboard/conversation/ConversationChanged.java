package dev.switchboard.conversation;

import java.util.UUID;

/**
 * A conversation's state changed (handoff requested, offered to an agent or the offer withdrawn, taken,
 * reassigned, returned to the AI, closed, rated).
 *
 * @param change what happened: handoff_requested, assigned, unassigned, taken, reassigned, returned_to_ai, closed,
 *               rated
 */
public record ConversationChanged(UUID tenantId, UUID conversationId, String change, ConversationStatus status,
                                  Owner owner, UUID assigneeId, String reason) {
}
