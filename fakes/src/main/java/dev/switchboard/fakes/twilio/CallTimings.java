package dev.switchboard.fakes.twilio;

import java.util.ArrayList;
import java.util.List;

/**
 * What a caller measured, in milliseconds: for each utterance the wait from its last speech frame to the agent's
 * first audio frame; for each barge-in the wait from the caller's first speech frame to the platform's
 * {@code clear}; and how far each agent frame's arrival strayed from the 20 ms beat.
 */
public final class CallTimings {

    private final List<Double> responses = new ArrayList<>();
    private final List<Double> clears = new ArrayList<>();
    private final List<Double> jitter = new ArrayList<>();

    synchronized void response(double ms) {
        responses.add(ms);
    }

    synchronized void clear(double ms) {
        clears.add(ms);
    }

    synchronized void jitter(double ms) {
        jitter.add(ms);
    }

    public synchronized List<Double> responses() {
        return List.copyOf(responses);
    }

    public synchronized List<Double> clears() {
        return List.copyOf(clears);
    }

    public synchronized List<Double> jitter() {
        return List.copyOf(jitter);
    }
}
