package dev.switchboard.workspace.inbox;

import java.util.UUID;

/** A member of the tenant as the workspace shows them; {@code name} is null for someone no longer a member. */
public record Person(UUID id, String name) {
}
