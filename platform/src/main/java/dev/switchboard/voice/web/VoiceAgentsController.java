package dev.switchboard.voice.web;

import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.voice.config.VoiceAgents;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's voice agents as they apply now, with the part the dashboard overrode; edits go through the tenant
 * configuration API as the {@code voice.agents} setting (versioned, revertible).
 */
@RestController
@PreAuthorize("hasAuthority('tenant:agent')")
class VoiceAgentsController {

    private final Tenants tenants;
    private final VoiceAgents voiceAgents;

    VoiceAgentsController(Tenants tenants, VoiceAgents voiceAgents) {
        this.tenants = tenants;
        this.voiceAgents = voiceAgents;
    }

    @GetMapping("/api/v1/tenants/{slug}/voice/agents")
    Map<String, JsonNode> agents() {
        var tenant = tenants.find(TenantScope.requireTenant()).orElseThrow(() -> new NotFound("tenant"));
        return Map.of("effective", voiceAgents.effectiveAgents(tenant), "overrides", voiceAgents.overrides(tenant),
                "directory", tenant.section("channels", "voice", "agents"));
    }
}
