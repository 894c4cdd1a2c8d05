package dev.switchboard.agent.llm;

import java.time.Duration;
import java.util.List;

/**
 * A model's complete answer.
 *
 * @param firstToken time from sending the request to the first streamed byte of output, when known
 * @param attempts   how many requests it took (retries and fallback included)
 */
public record ModelReply(String provider, String model, String text, List<ToolCallRequest> toolCalls,
                         ModelUsage usage, String stopReason, Duration latency, Duration firstToken, int attempts) {

    public ModelReply {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
    }

    public boolean wantsTools() {
        return !toolCalls.isEmpty();
    }

    public ModelReply withAttempts(int value) {
        return new ModelReply(provider, model, text, toolCalls, usage, stopReason, latency, firstToken, value);
    }
}
