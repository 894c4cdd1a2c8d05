package dev.switchboard.agent.graph;

import dev.switchboard.shared.TenantScope;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plays a node that died in the middle of a turn: {@link SimulatedCrash} stops the turn where a step hook throws it,
 * and {@link #takeOver} lets the turn's lease run out and runs the sweep any live node runs, which resumes it.
 */
final class DeadNode {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TurnScheduler scheduler;

    DeadNode(JdbcClient jdbc, TransactionTemplate tx, TurnScheduler scheduler) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.scheduler = scheduler;
    }

    void takeOver(UUID tenantId, UUID conversationId) {
        TenantScope.run(tenantId, () -> tx.executeWithoutResult(s -> jdbc.sql(
                "update agent_turns set lease_until = now() - interval '1 second' where conversation_id = :c and status = 'running'")
                .param("c", conversationId).update()));
        scheduler.sweep();
    }

    /** Stands for a process dying between two steps: an Error, which the turn does not clean up after. */
    static final class SimulatedCrash extends Error {
    }
}
