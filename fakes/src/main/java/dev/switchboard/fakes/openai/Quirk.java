package dev.switchboard.fakes.openai;

/**
 * Deviations real OpenAI-compatible servers are known for, switched on per fake so the platform's client can be
 * hardened against each.
 */
public enum Quirk {
    /** The whole tool call (id, name, arguments) in one chunk, as Ollama sends it. */
    TOOL_CALL_IN_ONE_CHUNK,
    /** No {@code index} on tool-call deltas (Ollama before 0.4.7). */
    TOOL_CALL_INDEX_MISSING,
    /** {@code index: 0} on every parallel tool call (later Ollama versions). */
    TOOL_CALL_INDEX_ALWAYS_ZERO,
    /** {@code finish_reason: "stop"} although the turn made tool calls. */
    FINISH_STOP_WITH_TOOL_CALLS,
    /** The final usage chunk has {@code choices: null} instead of {@code []} (vLLM). */
    USAGE_CHOICES_NULL
}
