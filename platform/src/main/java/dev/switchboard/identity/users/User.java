package dev.switchboard.identity.users;

import java.time.Instant;
import java.util.UUID;

/** A person who can sign in. The password hash never leaves this package's callers' server-side code. */
public record User(UUID id, String email, String displayName, String passwordHash, boolean platformOperator,
                   Instant disabledAt, int sessionEpoch) {

    public boolean disabled() {
        return disabledAt != null;
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + email + "]";
    }
}
