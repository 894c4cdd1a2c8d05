package dev.switchboard.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL NOTIFYs, sent by one thread per node in batches, each batch one small transaction whose commit is not
 * waited for: a notification is not data, and a crashed server has no listeners left to tell.
 *
 * <p>Why not NOTIFY inside the transaction that makes a change: PostgreSQL serialises every committing transaction
 * that notified on a database-wide lock, held until its commit record is flushed. Every stored message notified, so
 * every message's commit queued behind the others' disk flushes (seen as COMMIT waiting on {@code Lock/object} in
 * {@code pg_stat_activity}: voice turns waited seconds for their customer message to commit at 50 calls). Here a
 * batch of hundreds of notifications takes that lock once, without a flush.
 *
 * <p>Order is kept per node: one sender, and PostgreSQL delivers a transaction's notifications in the order they
 * were sent. It drops a payload identical to one already sent on the same channel in the same transaction; callers
 * for whom a repeat means something number their payloads.
 */
@Component
public class NotifyQueue {

    private static final Logger log = LoggerFactory.getLogger(NotifyQueue.class);
    private static final int MAX_QUEUED = 100_000;
    private static final int MAX_BATCH = 500;

    private record Pending(String channel, String payload) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread sender;
    private volatile boolean running = true;

    NotifyQueue(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // A platform thread: under load it must not wait for a carrier behind every runnable virtual thread.
        this.sender = Thread.ofPlatform().name("notify-sender").daemon().start(this::sendLoop);
    }

    /** Queues a notification now; false (and a warning) if the queue is full. */
    public boolean send(String channel, String payload) {
        if (queue.offer(new Pending(channel, payload))) {
            return true;
        }
        log.warn("notification queue full ({}): a notification on {} was not sent", MAX_QUEUED, channel);
        return false;
    }

    /**
     * Queues a notification once the current transaction commits, and never if it rolls back; at once when no
     * transaction is active. Listeners hear a change only after it is visible to their reads.
     */
    public void sendAfterCommit(String channel, String payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(channel, payload);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                send(channel, payload);
            }
        });
    }

    private void sendLoop() {
        while (running) {
            try {
                List<Pending> batch = Batches.next(queue, MAX_BATCH, Duration.ofSeconds(1));
                if (!batch.isEmpty()) {
                    flush(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void flush(List<Pending> batch) {
        String[] channels = batch.stream().map(Pending::channel).toArray(String[]::new);
        String[] payloads = batch.stream().map(Pending::payload).toArray(String[]::new);
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("select set_config('synchronous_commit', 'off', true)").query(String.class).single();
                jdbc.sql("""
                        select pg_notify(c, p) from unnest(cast(:channels as text[]), cast(:payloads as text[]))
                        with ordinality as u(c, p, i) order by i""")
                        .param("channels", channels).param("payloads", payloads).query((rs, n) -> 1).list();
            });
        } catch (RuntimeException e) {
            log.warn("{} notifications were not sent: {}", batch.size(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        sender.join(Duration.ofSeconds(3));
    }
}
