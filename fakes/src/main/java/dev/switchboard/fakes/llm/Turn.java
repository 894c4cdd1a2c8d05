package dev.switchboard.fakes.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One scripted model answer: text and/or tool calls, its pacing, and optionally a failure (an HTTP error before any
 * byte, an error event after {@code failAfterDeltas} deltas, or a stall that never finishes). Immutable; the
 * {@code with...} methods return changed copies.
 */
public record Turn(String text, List<ToolCall> toolCalls, String stopReason, Duration firstTokenDelay,
                   Duration interTokenDelay, Failure failure, int failAfterDeltas, boolean stall) {

    /** Deltas before a mid-stream error; {@code NEVER} means the stream completes. */
    public static final int NEVER = -1;

    public Turn {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
        firstTokenDelay = firstTokenDelay == null ? Duration.ZERO : firstTokenDelay;
        interTokenDelay = interTokenDelay == null ? Duration.ZERO : interTokenDelay;
    }

    public static Turn text(String text) {
        return new Turn(text, List.of(), null, null, null, null, NEVER, false);
    }

    public static Turn toolCall(String name, String argumentsJson) {
        return text("").andToolCall(name, argumentsJson);
    }

    /** An HTTP error answered before any byte of a stream. */
    public static Turn failing(Failure failure) {
        return new Turn("", List.of(), null, null, null, failure, NEVER, false);
    }

    public Turn andToolCall(String name, String argumentsJson) {
        return andToolCall(ToolCall.of(name, argumentsJson));
    }

    public Turn andToolCall(ToolCall call) {
        var calls = new ArrayList<>(toolCalls);
        calls.add(call);
        return new Turn(text, calls, stopReason, firstTokenDelay, interTokenDelay, failure, failAfterDeltas, stall);
    }

    /** Overrides the computed stop reason (e.g. {@code max_tokens}); written in the provider's own vocabulary. */
    public Turn withStopReason(String value) {
        return new Turn(text, toolCalls, value, firstTokenDelay, interTokenDelay, failure, failAfterDeltas, stall);
    }

    public Turn withFirstTokenDelay(Duration value) {
        return new Turn(text, toolCalls, stopReason, value, interTokenDelay, failure, failAfterDeltas, stall);
    }

    public Turn withInterTokenDelay(Duration value) {
        return new Turn(text, toolCalls, stopReason, firstTokenDelay, value, failure, failAfterDeltas, stall);
    }

    /** Streams {@code deltas} deltas, then an error event (HTTP status stays 200, as with the real APIs). */
    public Turn failingMidStream(int deltas, Failure error) {
        return new Turn(text, toolCalls, stopReason, firstTokenDelay, interTokenDelay, error, deltas, stall);
    }

    /** Sends the response head and the first event, then nothing more until the client gives up. */
    public Turn stalling() {
        return new Turn(text, toolCalls, stopReason, firstTokenDelay, interTokenDelay, failure, failAfterDeltas, true);
    }

    public boolean failsBeforeStreaming() {
        return failure != null && failAfterDeltas == NEVER;
    }

    public boolean failsMidStream() {
        return failure != null && failAfterDeltas != NEVER;
    }

    public boolean hasText() {
        return !text.isEmpty();
    }
}
