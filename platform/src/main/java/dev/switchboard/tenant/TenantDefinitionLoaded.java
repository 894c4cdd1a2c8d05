package dev.switchboard.tenant;

import java.util.UUID;

/** A tenant directory was loaded or reloaded and its new definition now serves. */
public record TenantDefinitionLoaded(UUID tenantId, String slug, String version) {
}
