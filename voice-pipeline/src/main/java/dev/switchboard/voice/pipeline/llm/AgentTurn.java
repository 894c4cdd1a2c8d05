package dev.switchboard.voice.pipeline.llm;

import java.util.List;

/**
 * One turn to answer: what the caller just said, the call it belongs to, and the conversation so far as the caller
 * heard it (assistant entries hold only what was actually played before any interruption).
 */
public record AgentTurn(String userText, CallContext call, List<TranscriptEntry> history) {

    public AgentTurn {
        history = List.copyOf(history);
    }
}
