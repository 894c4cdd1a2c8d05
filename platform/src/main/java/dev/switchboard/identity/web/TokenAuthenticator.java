package dev.switchboard.identity.web;

import dev.switchboard.identity.AuthenticatedUser;
import dev.switchboard.identity.Authenticator;
import dev.switchboard.identity.auth.AccessTokens;
import dev.switchboard.identity.users.Memberships;
import dev.switchboard.identity.users.Users;
import dev.switchboard.shared.TenantRole;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A token is accepted only when it verifies and its user still exists, is enabled, and has not ended their
 * sessions since (the session epoch in the token still matches the user's).
 */
@Service
class TokenAuthenticator implements Authenticator {

    private final AccessTokens tokens;
    private final Users users;
    private final Memberships memberships;

    TokenAuthenticator(AccessTokens tokens, Users users, Memberships memberships) {
        this.tokens = tokens;
        this.users = users;
        this.memberships = memberships;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String accessToken) {
        return tokens.verify(accessToken)
                .flatMap(t -> users.findForSession(t.userId())
                        .filter(u -> !u.disabled() && u.sessionEpoch() == t.sessionEpoch()))
                .map(u -> new AuthenticatedUser(u.id(), u.email(), u.displayName(), u.platformOperator()));
    }

    @Override
    public Optional<TenantRole> roleIn(UUID tenantId, AuthenticatedUser user) {
        if (user.platformOperator()) {
            return Optional.of(TenantRole.OWNER);
        }
        return memberships.roleOf(tenantId, user.id());
    }
}
