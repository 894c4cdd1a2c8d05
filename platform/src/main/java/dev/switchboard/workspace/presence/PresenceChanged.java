package dev.switchboard.workspace.presence;

import dev.switchboard.workspace.AgentStatus;
import java.util.UUID;

/** An agent's status in a tenant changed (a dashboard opened or closed, went idle, or its node went silent). */
public record PresenceChanged(UUID tenantId, UUID userId, AgentStatus status) {
}
