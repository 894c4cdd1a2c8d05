package dev.switchboard.agent.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator settings; README lists the environment variables behind them. Tenant settings (model, temperature,
 * budgets...) come from the tenant's effective configuration instead.
 *
 * @param anthropic       ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, ANTHROPIC_VERSION
 * @param openai          OPENAI_API_KEY, OPENAI_BASE_URL (an OpenAI-compatible server: Ollama, vLLM, llama.cpp)
 * @param googleMapsUrl   the Distance Matrix API's base URL (GOOGLE_MAPS_BASE_URL)
 * @param retry           attempts per model and backoff, before the fallback model
 * @param llmIdleTimeout  a model stream silent this long counts as stalled
 * @param turnLease       how long a node owns a running turn without renewing; a dead node's turns resume after it
 * @param sweepInterval   how often unfinished turns are looked for
 * @param toolResultChars the most characters of one tool result the model reads
 * @param prices          USD per million tokens, by model name
 */
@ConfigurationProperties("switchboard.agent")
public record AgentProperties(Provider anthropic, Provider openai, String googleMapsUrl, Retry retry,
                              Duration llmIdleTimeout, Duration turnLease, Duration sweepInterval,
                              Integer toolResultChars, Map<String, Price> prices) {

    public AgentProperties {
        anthropic = anthropic == null ? new Provider(null, null, null) : anthropic;
        openai = openai == null ? new Provider(null, null, null) : openai;
        googleMapsUrl = blank(googleMapsUrl) ? "https://maps.googleapis.com" : googleMapsUrl;
        retry = retry == null ? new Retry(3, Duration.ofMillis(500), Duration.ofSeconds(8)) : retry;
        llmIdleTimeout = llmIdleTimeout == null ? Duration.ofSeconds(30) : llmIdleTimeout;
        turnLease = turnLease == null ? Duration.ofSeconds(90) : turnLease;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
        toolResultChars = toolResultChars == null ? 6000 : toolResultChars;
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /** @param apiKey the operator's key, used for tenants without their own (never sent to a tenant's own URL) */
    public record Provider(String apiKey, String baseUrl, String version) {

        public boolean hasKey() {
            return !blank(apiKey);
        }
    }

    public record Retry(int attempts, Duration backoff, Duration maxBackoff) {
    }

    public record Price(double input, double output, double cacheRead, double cacheWrite) {
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
