package dev.switchboard.agent.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A primary model and its fallbacks, with retries: a retriable failure (429, 529, 5xx, timeout) is tried again
 * after the provider's {@code retry-after} or an exponential backoff with jitter; when a model keeps failing the
 * next one answers. Once reply text has reached the customer nothing is retried, since a retry would repeat it.
 */
public final class ResilientModel {

    /** Told about each failed attempt, so it is recorded even when a later one succeeds. */
    public interface AttemptObserver {
        void failed(LanguageModel model, ModelUnavailable failure, Duration latency);
    }

    private final List<LanguageModel> chain;
    private final int attempts;
    private final Duration backoff;
    private final Duration maxBackoff;

    public ResilientModel(List<LanguageModel> chain, int attempts, Duration backoff, Duration maxBackoff) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("at least one model");
        }
        this.chain = List.copyOf(chain);
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    public LanguageModel primary() {
        return chain.getFirst();
    }

    public ModelReply complete(ModelRequest request, LanguageModel.DeltaSink deltas, Cancellation cancellation,
                               AttemptObserver observer) {
        ModelUnavailable last = null;
        int tried = 0;
        for (LanguageModel model : chain) {
            for (int attempt = 0; attempt < attempts; attempt++) {
                long started = System.nanoTime();
                tried++;
                try {
                    return model.complete(request, deltas, cancellation).withAttempts(tried);
                } catch (ModelUnavailable failure) {
                    observer.failed(model, failure, Duration.ofNanos(System.nanoTime() - started));
                    last = failure;
                    if (failure.streamedText() || cancellation.cancelled()) {
                        throw failure;
                    }
                    if (!failure.retriable()) {
                        break;
                    }
                    if (attempt + 1 < attempts) {
                        pause(failure.retryAfter() != null ? failure.retryAfter() : backoff(attempt), cancellation);
                    }
                }
            }
        }
        throw last;
    }

    private Duration backoff(int attempt) {
        long millis = Math.min(maxBackoff.toMillis(), backoff.toMillis() << Math.min(attempt, 16));
        return Duration.ofMillis((long) (millis * (1 - 0.25 * ThreadLocalRandom.current().nextDouble())));
    }

    private static void pause(Duration wait, Cancellation cancellation) {
        long until = System.nanoTime() + wait.toNanos();
        try {
            while (!cancellation.cancelled() && System.nanoTime() < until) {
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
