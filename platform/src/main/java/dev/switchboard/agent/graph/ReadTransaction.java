package dev.switchboard.agent.graph;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One read-only transaction around the reads a step makes before it decides (the reads join it). Each read used to
 * be a transaction of its own: begin, tenant setting, query, commit, four round trips for one query, about a dozen
 * times per turn.
 */
@Component
class ReadTransaction {

    private final TransactionTemplate tx;

    ReadTransaction(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        tx.setReadOnly(true);
    }

    <T> T read(Supplier<T> reads) {
        return tx.execute(status -> reads.get());
    }
}
