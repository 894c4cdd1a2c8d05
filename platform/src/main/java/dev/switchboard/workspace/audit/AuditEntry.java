package dev.switchboard.workspace.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a conversation's state.
 *
 * @param actorId  who made it; null when the platform did (the AI asking for a human, automatic assignment)
 * @param assignee who held it afterwards
 */
public record AuditEntry(long id, String change, String fromStatus, String toStatus, String owner, UUID assignee,
                         UUID actorId, String reason, Instant at) {
}
