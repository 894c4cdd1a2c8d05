package dev.switchboard.workspace;

import java.time.Instant;
import java.util.UUID;

/**
 * A prepared answer agents insert from the composer by its {@code shortcut}. The body may hold variables such as
 * {@code {{contact.name}}}, {@code {{agent.name}}} and {@code {{tenant.name}}}, filled in when inserted.
 */
public record CannedReply(UUID id, String shortcut, String title, String body, UUID updatedBy, Instant updatedAt) {

    /** What an admin writes; validated when stored. */
    public record Draft(String shortcut, String title, String body) {
    }
}
