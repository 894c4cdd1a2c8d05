package dev.switchboard.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The people of a tenant, for modules that assign work to them. */
public interface Members {

    List<Member> of(UUID tenantId);

    Optional<Member> find(UUID tenantId, UUID userId);
}
