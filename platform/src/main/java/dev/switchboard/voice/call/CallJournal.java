package dev.switchboard.voice.call;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.voice.store.CallTranscripts;
import dev.switchboard.voice.store.TranscriptLine;
import dev.switchboard.voice.store.TurnLatency;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Writes a call's transcript lines and turn latencies as they happen, in order, on the call's own writer thread,
 * so the pipeline never waits for the database. A failed write is logged and the call goes on.
 */
final class CallJournal {

    private static final Logger log = LoggerFactory.getLogger(CallJournal.class);

    private final UUID tenantId;
    private final UUID callId;
    private final CallTranscripts store;
    private final VoiceMetrics metrics;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("call-journal").factory());
    private final AtomicInteger seq = new AtomicInteger();

    CallJournal(UUID tenantId, UUID callId, CallTranscripts store, VoiceMetrics metrics) {
        this.tenantId = tenantId;
        this.callId = callId;
        this.store = store;
        this.metrics = metrics;
    }

    void line(String role, String text, boolean interrupted, JsonNode detail, Instant at) {
        int n = seq.incrementAndGet();
        write(() -> store.append(tenantId, callId, new TranscriptLine(n, role, text, interrupted, detail, at)));
    }

    void turn(TurnLatency latency) {
        metrics.record(tenantId, latency);
        write(() -> store.record(tenantId, callId, latency));
    }

    /** Waits (bounded) for the writes queued so far. */
    void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("call {}: transcript writes still pending after 10 s", callId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Runnable work) {
        try {
            writer.execute(() -> {
                try {
                    TenantScope.run(tenantId, work);
                } catch (RuntimeException e) {
                    log.warn("call {}: a transcript write failed: {}", callId, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.warn("call {}: transcript line after the call closed was dropped", callId);
        }
    }

    static Duration since(Instant at) {
        return Duration.between(at, Instant.now());
    }
}
