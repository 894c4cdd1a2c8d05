package dev.switchboard.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A person talking to the tenant. {@code customerRef} is the tenant's own id for them once verified: tools
 * act for this customer only, whatever ids the model proposes.
 */
public record Contact(UUID tenantId, UUID id, String displayName, String language, String customerRef,
                      String customerName, Instant verifiedAt, Instant createdAt) {

    public Optional<String> verifiedCustomer() {
        return Optional.ofNullable(customerRef);
    }
}
