package dev.switchboard.workspace;

import java.util.Map;
import java.util.UUID;

/** Which agents of a tenant are at their dashboard, across every node. */
public interface Presence {

    /** Agents with at least one live dashboard connection; everyone missing from the map is offline. */
    Map<UUID, AgentStatus> statuses(UUID tenantId);
}
