package dev.switchboard.tenant;

import java.util.List;
import java.util.UUID;

/** A changed tenant directory failed validation; the previous definition (if any) keeps serving. */
public record TenantDefinitionRefused(UUID tenantId, String slug, List<TenantProblem> problems) {
}
