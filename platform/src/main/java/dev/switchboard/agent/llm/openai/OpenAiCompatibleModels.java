package dev.switchboard.agent.llm.openai;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.agent.llm.LanguageModel;
import dev.switchboard.agent.llm.ModelSettings;
import dev.switchboard.agent.llm.ModelUsage;
import dev.switchboard.agent.llm.langchain4j.StreamingHttpClient;
import dev.switchboard.agent.llm.langchain4j.StreamingLanguageModel;

/** Builds models of an OpenAI-compatible server; local servers accept any key, so a missing one is sent as "none". */
public final class OpenAiCompatibleModels {

    public static final String PROVIDER = "openai-compatible";

    private OpenAiCompatibleModels() {
    }

    public static LanguageModel create(ModelSettings settings) {
        var model = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(StreamingHttpClient.builder().connectTimeout(settings.connectTimeout()))
                .baseUrl(apiUrl(settings.baseUrl()))
                .apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.idleTimeout())
                .build();
        return new StreamingLanguageModel(PROVIDER, settings.model(), model, OpenAiCompatibleModels::usage,
                settings.idleTimeout());
    }

    static String apiUrl(String baseUrl) {
        String base = baseUrl.replaceAll("/+$", "");
        return base.endsWith("/v1") ? base : base + "/v1";
    }

    private static ModelUsage usage(TokenUsage usage) {
        return new ModelUsage(usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(), 0, 0);
    }
}
