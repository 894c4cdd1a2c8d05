package dev.switchboard.identity;

import dev.switchboard.shared.TenantRole;
import java.util.UUID;

/** A user as a member of one tenant. */
public record Member(UUID userId, String email, String displayName, TenantRole role, boolean disabled) {
}
