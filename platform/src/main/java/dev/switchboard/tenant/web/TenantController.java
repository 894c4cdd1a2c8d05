package dev.switchboard.tenant.web;

import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantProblem;
import dev.switchboard.tenant.Tenants;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants/{slug}")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The tenant as its directory defines it now, with the problems of the last refused reload, if any. */
    @GetMapping
    @PreAuthorize("hasAuthority('tenant:agent')")
    TenantView show() {
        TenantDefinition tenant = tenants.find(TenantScope.requireTenant()).orElseThrow(() -> new NotFound("tenant"));
        return new TenantView(tenant.slug(), tenant.name(), tenant.languages(), tenant.timezone().getId(),
                tenant.version(), tenant.tools().stream().map(t -> new ToolView(t.name(), t.description(), t.parameters())).toList(),
                tenants.problems(tenant.slug()));
    }

    record TenantView(String slug, String name, List<String> languages, String timezone, String version,
                      List<ToolView> tools, List<TenantProblem> problems) {
    }

    record ToolView(String name, String description, tools.jackson.databind.JsonNode parameters) {
    }
}
