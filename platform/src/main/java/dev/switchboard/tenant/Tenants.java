package dev.switchboard.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenants currently served, as loaded from their directories. */
public interface Tenants {

    Optional<TenantDefinition> find(String slug);

    Optional<TenantDefinition> find(UUID tenantId);

    List<TenantDefinition> all();

    /** Problems of the last load attempt per tenant (empty when its current files are valid). */
    List<TenantProblem> problems(String slug);

    List<TenantProblem> problems();
}
