package dev.switchboard.fakes.anthropic;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Token usage as the API reports it: {@code input_tokens} is only the uncached part; cache writes are split by TTL.
 */
record Usage(int inputTokens, int cacheCreationTokens, int cacheReadTokens, boolean oneHourTtl, int outputTokens) {

    Usage withOutputTokens(int value) {
        return new Usage(inputTokens, cacheCreationTokens, cacheReadTokens, oneHourTtl, value);
    }

    ObjectNode json() {
        var usage = Json.object()
                .put("input_tokens", inputTokens)
                .put("cache_creation_input_tokens", cacheCreationTokens)
                .put("cache_read_input_tokens", cacheReadTokens);
        usage.set("cache_creation", Json.object()
                .put("ephemeral_5m_input_tokens", oneHourTtl ? 0 : cacheCreationTokens)
                .put("ephemeral_1h_input_tokens", oneHourTtl ? cacheCreationTokens : 0));
        usage.put("output_tokens", outputTokens).put("service_tier", "standard");
        return usage;
    }
}
