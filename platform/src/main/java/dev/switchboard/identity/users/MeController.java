package dev.switchboard.identity.users;

import dev.switchboard.identity.AuthenticatedUser;
import dev.switchboard.tenant.Tenants;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    private final Memberships memberships;
    private final Tenants tenants;

    MeController(Memberships memberships, Tenants tenants) {
        this.memberships = memberships;
        this.tenants = tenants;
    }

    /** The caller and the tenants they may work in, with their role in each. */
    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal AuthenticatedUser user) {
        List<TenantAccess> access = user.platformOperator()
                ? tenants.all().stream().map(t -> new TenantAccess(t.id(), t.slug(), t.name(), "owner")).toList()
                : memberships.ofUser(user.id()).stream()
                .flatMap(m -> tenants.find(m.tenantId()).stream()
                        .map(t -> new TenantAccess(t.id(), t.slug(), t.name(), m.role().wireName())))
                .toList();
        return new Me(user.id(), user.email(), user.displayName(), user.platformOperator(), access);
    }

    record Me(UUID id, String email, String displayName, boolean platformOperator, List<TenantAccess> tenants) {
    }

    record TenantAccess(UUID id, String slug, String name, String role) {
    }
}
