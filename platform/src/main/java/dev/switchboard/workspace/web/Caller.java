package dev.switchboard.workspace.web;

import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.shared.Unauthenticated;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in member a workspace request acts for, as the tenant route filter established them. */
record Caller(UUID id, boolean supervisor) {

    static Caller current() {
        UUID id = TenantScope.currentUser().orElseThrow(() -> new Unauthenticated("sign in first"));
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean supervisor = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> TenantRole.ADMIN_AUTHORITY.equals(a.getAuthority()));
        return new Caller(id, supervisor);
    }
}
