package dev.switchboard.webchat.store;

import dev.switchboard.shared.TenantScope;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a read in the given tenant, in a new read-only transaction. The web chat reads while delivering, which
 * happens after another transaction committed; joining that finished transaction would run without its tenant
 * setting, and row-level security would return nothing.
 */
@Component
public class OwnReadTransactions {

    private final TransactionTemplate tx;

    OwnReadTransactions(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.setReadOnly(true);
    }

    public <T> T read(UUID tenantId, Supplier<T> read) {
        return TenantScope.within(tenantId, () -> tx.execute(status -> read.get()));
    }
}
