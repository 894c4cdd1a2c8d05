package dev.switchboard.fakes.anthropic;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks the real API makes before any generation, with its status codes and error types, so a client bug shows
 * up in tests as the same 400/401 it would cause in production.
 */
final class MessagesValidation {

    static final String VERSION_2023 = "2023-06-01";
    static final String VERSION_2026 = "2026-10-21";
    private static final Set<String> VERSIONS = Set.of(VERSION_2023, VERSION_2026);
    private static final Set<String> SAMPLING_FIELDS = Set.of("temperature", "top_p", "top_k");
    private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,128}$");
    // Reported to reject a custom temperature under every API version: the Claude 5 family and opus-4-8.
    private static final Pattern NO_TEMPERATURE_MODELS = Pattern.compile("claude-(?:[a-z]+-)?5(?:\\b|[-.]).*|.*opus-4-8.*");
    private static final int MAX_CACHE_BREAKPOINTS = 4;

    private final String acceptedKey;

    /** {@code acceptedKey} null accepts any non-empty key. */
    MessagesValidation(String acceptedKey) {
        this.acceptedKey = acceptedKey;
    }

    Optional<ApiError> check(MessagesRequest request) {
        return authentication(request)
                .or(() -> version(request))
                .or(() -> body(request))
                .or(() -> new ConversationRules(request).check())
                .or(() -> versionRules(request))
                .or(() -> tools(request))
                .or(() -> cacheBreakpoints(request));
    }

    private Optional<ApiError> authentication(MessagesRequest request) {
        var key = request.apiKey();
        if (key == null || key.isBlank()) {
            return Optional.of(ApiError.authentication("x-api-key header is required"));
        }
        if (acceptedKey != null && !acceptedKey.equals(key)) {
            return Optional.of(ApiError.authentication("invalid x-api-key"));
        }
        return Optional.empty();
    }

    private Optional<ApiError> version(MessagesRequest request) {
        var version = request.header("anthropic-version");
        if (version == null) {
            return invalid("anthropic-version: header is required");
        }
        if (!VERSIONS.contains(version)) {
            return invalid("anthropic-version: unknown version '" + version + "'");
        }
        return Optional.empty();
    }

    private Optional<ApiError> body(MessagesRequest request) {
        var json = request.json();
        if (!json.isObject()) {
            return invalid("There was an issue with your request body: it is not valid JSON");
        }
        if (!json.hasNonNull("model")) {
            return invalid("model: Field required");
        }
        if (!json.hasNonNull("max_tokens")) {
            return invalid("max_tokens: Field required");
        }
        if (!json.get("max_tokens").isIntegralNumber() || json.get("max_tokens").asLong() < 1) {
            return invalid("max_tokens: Input should be greater than or equal to 1");
        }
        if (!json.hasNonNull("messages")) {
            return invalid("messages: Field required");
        }
        if (!json.get("messages").isArray()) {
            return invalid("messages: Input should be a valid list");
        }
        return Optional.empty();
    }

    private Optional<ApiError> versionRules(MessagesRequest request) {
        var json = request.json();
        var version = request.header("anthropic-version");
        for (var field : SAMPLING_FIELDS) {
            if (json.has(field) && VERSION_2026.equals(version)) {
                return invalid(field + ": is not supported with anthropic-version " + VERSION_2026);
            }
        }
        if (json.has("temperature") && NO_TEMPERATURE_MODELS.matcher(request.model()).matches()) {
            return invalid("temperature: is not supported for model " + request.model());
        }
        return VERSION_2026.equals(version) ? new ConversationRules(request).check2026() : Optional.empty();
    }

    private Optional<ApiError> tools(MessagesRequest request) {
        var tools = request.tools();
        for (int i = 0; i < tools.size(); i++) {
            var tool = tools.get(i);
            var name = Json.text(tool, "name");
            if (name == null) {
                return invalid("tools." + i + ".name: Field required");
            }
            if (!TOOL_NAME.matcher(name).matches()) {
                return invalid("tools." + i + ".name: String should match pattern '" + TOOL_NAME.pattern() + "'");
            }
            if (isCustom(tool) && !tool.path("input_schema").isObject()) {
                return invalid("tools." + i + ".custom.input_schema: Field required");
            }
        }
        return toolChoice(request);
    }

    /** {@code tool_choice: {"type":"tool","name":X}} must name a tool the request defines. */
    private Optional<ApiError> toolChoice(MessagesRequest request) {
        var choice = request.json().path("tool_choice");
        var type = Json.text(choice, "type");
        if (type == null) {
            return Optional.empty();
        }
        if (!Set.of("auto", "any", "tool", "none").contains(type)) {
            return invalid("tool_choice.type: Input tag '" + type + "' found using 'type' does not match any of the "
                    + "expected tags: 'auto', 'any', 'tool', 'none'");
        }
        var name = Json.text(choice, "name");
        if ("tool".equals(type) && !request.toolNames().contains(name)) {
            return invalid("tool_choice.name: tool '" + name + "' is not defined in tools");
        }
        return Optional.empty();
    }

    private static boolean isCustom(JsonNode tool) {
        var type = Json.text(tool, "type");
        return type == null || "custom".equals(type);
    }

    private Optional<ApiError> cacheBreakpoints(MessagesRequest request) {
        int count = PromptCache.breakpoints(request).size();
        if (count > MAX_CACHE_BREAKPOINTS) {
            return invalid("A maximum of " + MAX_CACHE_BREAKPOINTS + " blocks with cache_control may be provided. "
                    + "Found " + count + ".");
        }
        return Optional.empty();
    }

    static Optional<ApiError> invalid(String message) {
        return Optional.of(ApiError.invalidRequest(message));
    }
}
