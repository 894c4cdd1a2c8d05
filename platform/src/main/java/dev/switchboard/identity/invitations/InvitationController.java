package dev.switchboard.identity.invitations;

import dev.switchboard.identity.AuthenticatedUser;
import dev.switchboard.identity.Authenticator;
import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.TenantScope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InvitationController {

    private final Invitations invitations;
    private final Authenticator authenticator;

    InvitationController(Invitations invitations, Authenticator authenticator) {
        this.invitations = invitations;
        this.authenticator = authenticator;
    }

    @PostMapping("/api/v1/tenants/{slug}/invitations")
    @PreAuthorize("hasAuthority('tenant:admin')")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationLink invite(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody InvitationRequest body) {
        UUID tenant = TenantScope.requireTenant();
        TenantRole role;
        try {
            role = TenantRole.fromWire(body.role());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.field("role", "must be owner, admin or agent");
        }
        TenantRole mine = authenticator.roleIn(tenant, user).orElseThrow();
        var created = invitations.invite(tenant, body.email(), role, user.id(), mine);
        return new InvitationLink(created.id(), created.email(), created.role().wireName(),
                "/app/invite/" + created.token(), created.expiresAt());
    }

    @GetMapping("/api/v1/tenants/{slug}/invitations")
    @PreAuthorize("hasAuthority('tenant:admin')")
    List<Invitations.Pending> pending() {
        return invitations.pending(TenantScope.requireTenant());
    }

    /** Public: the token is the credential. */
    @PostMapping("/api/v1/invitations/accept")
    Accepted accept(@Valid @RequestBody Acceptance body, HttpServletRequest request) {
        return new Accepted(invitations.accept(body.token(), body.displayName(), body.password(), request.getRemoteAddr()));
    }

    record InvitationRequest(@NotBlank @Size(max = 320) String email, @NotBlank String role) {
    }

    record InvitationLink(UUID id, String email, String role, String link, Instant expiresAt) {
    }

    record Acceptance(@NotBlank @Size(max = 300) String token, @Size(max = 120) String displayName,
                      @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "Acceptance[***]";
        }
    }

    record Accepted(UUID userId) {
    }
}
