package dev.switchboard.workspace.web;

import dev.switchboard.identity.Members;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.workspace.AgentStatus;
import dev.switchboard.workspace.Presence;
import dev.switchboard.workspace.assignment.AgentLoads;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's people as the workspace needs them: status and load, for reassigning and for the team view. */
@RestController
class AgentController {

    private final Members members;
    private final Presence presence;
    private final AgentLoads loads;

    AgentController(Members members, Presence presence, AgentLoads loads) {
        this.members = members;
        this.presence = presence;
        this.loads = loads;
    }

    @GetMapping("/api/v1/tenants/{slug}/agents")
    @PreAuthorize("hasAuthority('tenant:agent')")
    List<AgentView> agents() {
        UUID tenant = TenantScope.requireTenant();
        Map<UUID, AgentStatus> statuses = presence.statuses(tenant);
        Map<UUID, Integer> open = loads.openConversations();
        return members.of(tenant).stream().filter(m -> !m.disabled())
                .map(m -> new AgentView(m.userId(), m.displayName(), m.email(), m.role().wireName(),
                        statuses.getOrDefault(m.userId(), AgentStatus.OFFLINE).wireName(),
                        open.getOrDefault(m.userId(), 0)))
                .toList();
    }

    record AgentView(UUID id, String name, String email, String role, String status, int openConversations) {
    }
}
