package dev.switchboard.identity;

import java.util.UUID;

/** Who is calling, as established from a verified access token. */
public record AuthenticatedUser(UUID id, String email, String displayName, boolean platformOperator) {
}
