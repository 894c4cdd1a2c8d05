package dev.switchboard.tenant.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Values read from the database, reused on this node for a short while: the tenant's configuration overrides and
 * secrets are looked up several times per message, and a transaction each time was a measurable share of its
 * cost. This node's own writes drop a copy at once, and a read that overlapped a write is never reused; another
 * node's writes show within {@code fresh}.
 */
public final class RecentReads<K, V> {

    private record Read<V>(V value, long readAt, long writes) {
    }

    private final long freshNanos;
    private final int maxEntries;
    private final Map<K, Read<V>> reads = new ConcurrentHashMap<>();
    /** This node's writes so far: a copy read before the latest one is not reused. */
    private final AtomicLong writes = new AtomicLong();

    public RecentReads(Duration fresh, int maxEntries) {
        this.freshNanos = fresh.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The value read at most {@code fresh} ago with no write of this node since, or else {@code read}'s. */
    public V get(K key, Supplier<V> read) {
        long writesBefore = writes.get();
        Read<V> known = reads.get(key);
        if (known != null && known.writes() == writesBefore && System.nanoTime() - known.readAt() < freshNanos) {
            return known.value();
        }
        V value = read.get();
        if (reads.size() >= maxEntries) {
            reads.clear();
        }
        reads.put(key, new Read<>(value, System.nanoTime(), writesBefore));
        return value;
    }

    /** Runs a write of {@code key}; once it is over (committed or not) nothing read before it is reused. */
    public <T> T write(K key, Supplier<T> work) {
        try {
            return work.get();
        } finally {
            writes.incrementAndGet();
            reads.remove(key);
        }
    }
}
