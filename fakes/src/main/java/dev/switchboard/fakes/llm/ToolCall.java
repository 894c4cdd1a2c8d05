package dev.switchboard.fakes.llm;

/**
 * A tool call the scripted model makes. {@code id} may be null: each fake then mints one in its provider's format
 * ({@code toolu_...}, {@code call_...}). {@code argumentsJson} is sent verbatim, split over several deltas.
 */
public record ToolCall(String id, String name, String argumentsJson) {

    public ToolCall {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tool call needs a name");
        }
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }

    public static ToolCall of(String name, String argumentsJson) {
        return new ToolCall(null, name, argumentsJson);
    }
}
