package dev.switchboard.bench.whatsapp;

import dev.switchboard.fakes.meta.Delivery;
import dev.switchboard.fakes.meta.InboundMessages;
import dev.switchboard.fakes.meta.SignedWebhook;
import dev.switchboard.fakes.meta.WebhookDriver;
import dev.switchboard.fakes.meta.WebhookEncoding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One open-loop run: {@code count} messages, each from a customer of its own, posted at a fixed rate whatever the
 * platform answers (a slow answer does not slow the offered load, as with Meta). Bodies are built and signed before
 * the clock starts. A share of them is delivered again a second later, as Meta redelivers.
 */
final class LoadRun {

    /** One customer's message: who, when it was posted, and what the platform answered. */
    static final class Sent {
        final String waId;
        final SignedWebhook webhook;
        volatile Instant postedAt;
        volatile Delivery delivery;
        volatile Throwable failure;

        Sent(String waId, SignedWebhook webhook) {
            this.waId = waId;
            this.webhook = webhook;
        }
    }

    private final WebhookDriver driver;
    private final List<Sent> sent = new ArrayList<>();
    private final List<CompletableFuture<Delivery>> redeliveries = new ArrayList<>();
    private final AtomicInteger redeliveryRefusals = new AtomicInteger();
    private long maxLagNanos;

    LoadRun(WebhookDriver driver, String prefix, int count, String text) {
        this.driver = driver;
        for (int i = 0; i < count; i++) {
            String waId = prefix + String.format("%08d", i);
            var envelope = driver.notification().message(InboundMessages.text(waId, text), "Cliente " + i).json();
            sent.add(new Sent(waId, driver.sign(envelope, WebhookEncoding.ESCAPED_UNICODE)));
        }
    }

    /** Posts every message at {@code rate} per second; returns when all were answered (or timed out). */
    void run(double rate, double duplicateShare) {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + 100_000_000;
        List<CompletableFuture<Delivery>> answers = new ArrayList<>();
        try (ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor()) {
            for (int i = 0; i < sent.size(); i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    maxLagNanos = Math.max(maxLagNanos, -wait);
                }
                Sent message = sent.get(i);
                message.postedAt = Instant.now();
                answers.add(driver.postAsync(message.webhook).whenComplete((d, e) -> {
                    message.delivery = d;
                    message.failure = e;
                }));
                if (duplicateShare > 0 && (i * duplicateShare) % 1 + duplicateShare >= 1) {
                    later.schedule(() -> redeliver(message), 1, TimeUnit.SECONDS);
                }
            }
            answers.forEach(a -> a.exceptionally(e -> null).join());
            later.shutdown();
            later.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (redeliveries) {
            redeliveries.forEach(r -> r.exceptionally(e -> null).join());
        }
    }

    private void redeliver(Sent message) {
        CompletableFuture<Delivery> answer = driver.postAsync(message.webhook).whenComplete((d, e) -> {
            if (e != null || !d.acknowledged()) {
                redeliveryRefusals.incrementAndGet();
            }
        });
        synchronized (redeliveries) {
            redeliveries.add(answer);
        }
    }

    List<Sent> sent() {
        return sent;
    }

    int redelivered() {
        synchronized (redeliveries) {
            return redeliveries.size();
        }
    }

    int redeliveryRefusals() {
        return redeliveryRefusals.get();
    }

    double maxLagMillis() {
        return maxLagNanos / 1e6;
    }
}
