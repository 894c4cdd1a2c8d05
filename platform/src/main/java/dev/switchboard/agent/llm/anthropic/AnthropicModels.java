package dev.switchboard.agent.llm.anthropic;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.agent.llm.LanguageModel;
import dev.switchboard.agent.llm.ModelSettings;
import dev.switchboard.agent.llm.ModelUsage;
import dev.switchboard.agent.llm.langchain4j.StreamingHttpClient;
import dev.switchboard.agent.llm.langchain4j.StreamingLanguageModel;
import java.util.regex.Pattern;

/**
 * Builds Anthropic models. {@code cacheSystemMessages} and {@code cacheTools} make LangChain4j put
 * {@code cache_control: ephemeral} on the system block and on the last tool, so the stable prefix (tools, then
 * system) is cached between the steps of a turn and across turns. Retries are ours, so LangChain4j's are off.
 */
public final class AnthropicModels {

    public static final String PROVIDER = "anthropic";
    public static final String DEFAULT_MODEL = "claude-haiku-4-5";
    public static final String DEFAULT_VERSION = "2023-06-01";

    // The 2026-10-21 API version refuses sampling fields; these models refuse a custom temperature under any version.
    private static final Pattern NO_TEMPERATURE = Pattern.compile("claude-(?:[a-z]+-)?5(?:\\b|[-.]).*|.*opus-4-8.*");

    private AnthropicModels() {
    }

    public static LanguageModel create(ModelSettings settings) {
        String version = settings.apiVersion() == null ? DEFAULT_VERSION : settings.apiVersion();
        var builder = AnthropicStreamingChatModel.builder()
                .httpClientBuilder(StreamingHttpClient.builder().connectTimeout(settings.connectTimeout()))
                .baseUrl(apiUrl(settings.baseUrl()))
                .apiKey(settings.apiKey())
                .version(version)
                .modelName(settings.model())
                .maxTokens(settings.maxTokens())
                .cacheSystemMessages(true)
                .cacheTools(true)
                .timeout(settings.idleTimeout());
        if (acceptsTemperature(settings.model(), version)) {
            builder.temperature(settings.temperature());
        }
        return new StreamingLanguageModel(PROVIDER, settings.model(), builder.build(), AnthropicModels::usage,
                settings.idleTimeout());
    }

    public static boolean acceptsTemperature(String model, String version) {
        return !"2026-10-21".equals(version) && !NO_TEMPERATURE.matcher(model).matches();
    }

    /** LangChain4j wants the versioned API root; operators give the host, as with the official SDKs. */
    static String apiUrl(String baseUrl) {
        String base = baseUrl.replaceAll("/+$", "");
        return base.endsWith("/v1") ? base + "/" : base + "/v1/";
    }

    private static ModelUsage usage(TokenUsage usage) {
        long input = usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long output = usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        if (usage instanceof AnthropicTokenUsage anthropic) {
            return new ModelUsage(input, output, orZero(anthropic.cacheReadInputTokens()),
                    orZero(anthropic.cacheCreationInputTokens()));
        }
        return new ModelUsage(input, output, 0, 0);
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
