package dev.switchboard.agent.usage;

import dev.switchboard.agent.llm.ModelUsage;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One model call as recorded. {@code response} holds the answer's text and tool calls
 * ({@code {"text":..., "toolCalls":[{"id","name","arguments"}]}}), from which a resumed turn continues.
 */
public record LlmCall(UUID id, UUID turnId, UUID conversationId, int step, String provider, String model, String status,
                      ModelUsage usage, long costMicros, long latencyMs, Long firstTokenMs, int attempts,
                      String stopReason, JsonNode response, String error) {
}
