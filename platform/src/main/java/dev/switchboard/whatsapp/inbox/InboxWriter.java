package dev.switchboard.whatsapp.inbox;

import dev.switchboard.whatsapp.account.WhatsAppProperties;
import dev.switchboard.whatsapp.cloudapi.WebhookEvent;
import dev.switchboard.shared.Batches;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes webhook events with group commit: whatever arrived while the previous commit was flushing goes into the
 * next transaction together. Each webhook still waits for its own events to be durable before it is answered,
 * but a thousand webhooks a second cost tens of commits, not a thousand.
 */
@Component
public class InboxWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWriter.class);
    private static final int WRITERS = 2;
    private static final int MAX_BATCH = 512;

    private final WhatsAppInbox inbox;
    private final InboxSignals signals;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;
    private volatile double recentLatencyMillis;
    private volatile long lastWriteNanos;
    private final double ackTargetMillis;

    InboxWriter(WhatsAppInbox inbox, InboxSignals signals, WhatsAppProperties properties) {
        this.inbox = inbox;
        this.signals = signals;
        this.ackTargetMillis = properties.ackTarget().toNanos() / 1e6;
    }

    /** Completes once the events are committed (a redelivered event counts as stored: it already is). */
    public CompletableFuture<Void> store(UUID tenantId, List<WebhookEvent> events) {
        Pending pending = new Pending(tenantId, events, new CompletableFuture<>(), System.nanoTime());
        if (events.isEmpty()) {
            pending.done().complete(null);
        } else if (!running || !queue.offer(pending)) {
            pending.done().completeExceptionally(new IllegalStateException("the inbox is not accepting writes"));
        }
        return pending.done();
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            try {
                List<Pending> batch = Batches.next(queue, MAX_BATCH, Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<Pending> batch) {
        Map<UUID, List<Pending>> byTenant = new LinkedHashMap<>();
        batch.forEach(p -> byTenant.computeIfAbsent(p.tenantId(), t -> new ArrayList<>()).add(p));
        byTenant.forEach((tenant, pendings) -> {
            List<WebhookEvent> events = new ArrayList<>();
            pendings.forEach(p -> events.addAll(p.events()));
            try {
                inbox.store(tenant, events);
                observe(pendings.getFirst().enqueuedNanos());
                pendings.forEach(p -> p.done().complete(null));
                signals.workArrived(tenant);
            } catch (SQLException | RuntimeException e) {
                log.warn("could not store {} WhatsApp webhook events of tenant {}: {}", events.size(), tenant, e.getMessage());
                pendings.forEach(p -> p.done().completeExceptionally(e));
            }
        });
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < WRITERS; i++) {
            // Platform threads, like the request threads waiting on them: as virtual threads they queued for a
            // carrier behind the agent's turns, and every webhook's acknowledgement with them.
            writers.add(Thread.ofPlatform().daemon().name("whatsapp-inbox-writer-" + i).start(this::loop));
        }
    }

    /** Drains what was accepted before stopping, so no acknowledged webhook is left unwritten. */
    @Override
    public void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it has stopped taking them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private record Pending(UUID tenantId, List<WebhookEvent> events, CompletableFuture<Void> done, long enqueuedNanos) {
    }

    /** How long webhooks recently waited for their write, smoothed; it includes waiting for a CPU. */
    private void observe(long enqueuedNanos) {
        long now = System.nanoTime();
        recentLatencyMillis = 0.8 * recentLatencyMillis + 0.2 * ((now - enqueuedNanos) / 1e6);
        lastWriteNanos = now;
    }

    /**
     * Acknowledgements are getting slow (longer than the ack target to be written, lately): background work should
     * make way.
     * Without webhooks for half a second there is nothing to make way for.
     */
    boolean strained() {
        return recentLatencyMillis > ackTargetMillis && !quiet();
    }

    /** No webhook was written for half a second. */
    boolean quiet() {
        return System.nanoTime() - lastWriteNanos >= 500_000_000L;
    }
}
