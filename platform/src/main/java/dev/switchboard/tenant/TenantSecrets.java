package dev.switchboard.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's secrets (provider keys, API tokens for its own systems). Stored encrypted; the API can set and
 * delete them but never read them back; only server-side code (the tool executor, provider clients) reveals one.
 */
public interface TenantSecrets {

    Optional<String> reveal(UUID tenantId, String name);

    void store(UUID tenantId, String name, String value, UUID actor);

    boolean delete(UUID tenantId, String name);

    List<SecretInfo> list(UUID tenantId);

    record SecretInfo(String name, UUID updatedBy, Instant updatedAt) {
    }
}
