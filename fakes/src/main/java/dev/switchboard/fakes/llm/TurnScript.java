package dev.switchboard.fakes.llm;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;

/**
 * What the next requests get. A request for model M takes, in order: the next turn queued for M, the turn set to
 * answer M always, the next turn queued for any model; with none of those the fake's default responder answers.
 */
public final class TurnScript {

    private final Map<String, Queue<Turn>> byModel = new HashMap<>();
    private final Map<String, Turn> alwaysByModel = new HashMap<>();
    private final Queue<Turn> anyModel = new ArrayDeque<>();

    public synchronized void enqueue(Turn turn) {
        anyModel.add(turn);
    }

    public synchronized void enqueue(String model, Turn turn) {
        byModel.computeIfAbsent(model, m -> new ArrayDeque<>()).add(turn);
    }

    /** Answers every request for {@code model} with {@code turn} (e.g. a primary that is always overloaded). */
    public synchronized void always(String model, Turn turn) {
        alwaysByModel.put(model, turn);
    }

    public synchronized void clear() {
        byModel.clear();
        alwaysByModel.clear();
        anyModel.clear();
    }

    /** Turns still queued, for a test to check its script was used up. */
    public synchronized int pending() {
        return anyModel.size() + byModel.values().stream().mapToInt(Queue::size).sum();
    }

    synchronized Optional<Turn> next(String model) {
        var queued = byModel.get(model);
        if (queued != null && !queued.isEmpty()) {
            return Optional.of(queued.poll());
        }
        var always = alwaysByModel.get(model);
        if (always != null) {
            return Optional.of(always);
        }
        return Optional.ofNullable(anyModel.poll());
    }

    /** The scripted turn for {@code model}, or the default responder's answer to {@code lastUserText}. */
    public Turn answer(String model, String lastUserText, DefaultResponder fallback) {
        return next(model).orElseGet(() -> fallback.answer(lastUserText));
    }
}
