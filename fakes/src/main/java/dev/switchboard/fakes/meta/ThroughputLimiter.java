package dev.switchboard.fakes.meta;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meta's per-business-number throughput limit as a token bucket: {@code rate} tokens a second, a burst of one
 * second's worth. A send that finds the bucket empty gets 130429.
 */
final class ThroughputLimiter {

    private final double rate;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ThroughputLimiter(double messagesPerSecond) {
        this.rate = messagesPerSecond;
    }

    boolean tryAcquire(String phoneNumberId) {
        return buckets.computeIfAbsent(phoneNumberId, id -> new Bucket(rate)).tryTake(rate, System.nanoTime());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double capacity) {
            this.tokens = capacity;
        }

        synchronized boolean tryTake(double rate, long now) {
            tokens = Math.min(rate, tokens + (now - refilledAt) * rate / 1e9);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
