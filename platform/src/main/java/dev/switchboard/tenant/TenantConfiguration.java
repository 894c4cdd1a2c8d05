package dev.switchboard.tenant;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Reads and changes a tenant's effective configuration; every change is versioned (who, when, old, new). */
public interface TenantConfiguration {

    EffectiveConfiguration effective(UUID tenantId);

    /** Applies all changes or none; a null value removes the override so the directory default applies again. */
    List<ConfigChange> change(UUID tenantId, Map<String, JsonNode> changes, UUID actor);

    /** Newest first; {@code key} null for every key. */
    List<ConfigChange> history(UUID tenantId, String key, int limit, Long beforeVersion);

    /** Restores the value a change replaced, as a new change. */
    ConfigChange revert(UUID tenantId, long version, UUID actor);

    List<ConfigKey> keys();
}
