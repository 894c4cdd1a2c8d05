package dev.switchboard.agent.llm;

import java.time.Duration;

/**
 * Everything a vendor adapter needs to build one model client.
 *
 * @param baseUrl     the provider's base URL without the API version path ({@code https://api.anthropic.com})
 * @param apiVersion  the provider's API version header, where it has one (Anthropic's {@code anthropic-version})
 * @param temperature null: leave the provider's default
 * @param idleTimeout how long a stream may stay silent before it counts as stalled
 */
public record ModelSettings(String provider, String model, String baseUrl, String apiKey, String apiVersion,
                            Double temperature, int maxTokens, Duration connectTimeout, Duration idleTimeout) {
}
