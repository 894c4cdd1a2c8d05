package dev.switchboard.identity;

import dev.switchboard.shared.TenantRole;
import java.util.Optional;
import java.util.UUID;

/**
 * Verifies access tokens and answers role questions for other edges than HTTP filters (the dashboard's live
 * WebSocket authorises on connect and on every subscription with it).
 */
public interface Authenticator {

    /** The user behind a bearer access token, or empty when the token is invalid, expired or revoked. */
    Optional<AuthenticatedUser> authenticate(String accessToken);

    /** The user's role in the tenant; platform operators act as owners everywhere. */
    Optional<TenantRole> roleIn(UUID tenantId, AuthenticatedUser user);
}
