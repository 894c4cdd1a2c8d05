package dev.switchboard.webchat.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Token buckets by key. A bucket idle for longer than its refill period is full again, so forgetting it is
 * equivalent to keeping it: {@link #forgetIdle} bounds memory without ever loosening a limit.
 *
 * <p>Limits are per node; behind sticky routing one visitor stays on one node. A cluster-wide limit would use
 * Bucket4j's PostgreSQL backend with the same bandwidths.
 */
public final class KeyedBuckets<K> {

    private final ConcurrentHashMap<K, Entry> buckets = new ConcurrentHashMap<>();
    private final Function<K, Bandwidth> bandwidth;
    private final Duration idleAfter;

    public KeyedBuckets(Function<K, Bandwidth> bandwidth, Duration idleAfter) {
        this.bandwidth = bandwidth;
        this.idleAfter = idleAfter;
    }

    /** Takes one token; empty when allowed, otherwise how long until the next token. */
    public Duration tryTake(K key) {
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(Bucket.builder().addLimit(bandwidth.apply(k)).build()));
        entry.lastUsed = System.nanoTime();
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    public void forgetIdle() {
        long cutoff = System.nanoTime() - idleAfter.toNanos();
        buckets.entrySet().removeIf(e -> e.getValue().lastUsed < cutoff);
    }

    int size() {
        return buckets.size();
    }

    private static final class Entry {
        final Bucket bucket;
        volatile long lastUsed;

        Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
