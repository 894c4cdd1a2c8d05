package dev.switchboard.bench.webchat;

import java.util.Arrays;

/** Samples in microseconds, appended by one thread at a time, summarised as percentiles in milliseconds. */
final class Latencies {

    private long[] samples = new long[64];
    private int size;

    synchronized void add(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    synchronized void addAll(Latencies other) {
        synchronized (other) {
            for (int i = 0; i < other.size; i++) {
                add(other.samples[i]);
            }
        }
    }

    synchronized int size() {
        return size;
    }

    /** {@code p} in 0..100; milliseconds with one decimal; -1 when there are no samples. */
    synchronized double percentileMs(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(p / 100.0 * size) - 1));
        return Math.round(sorted[index] / 100.0) / 10.0;
    }

    /** The same samples minus a constant (the fake's injected latency), never below zero. */
    synchronized Latencies minus(long micros) {
        Latencies out = new Latencies();
        for (int i = 0; i < size; i++) {
            out.add(Math.max(0, samples[i] - micros));
        }
        return out;
    }
}
