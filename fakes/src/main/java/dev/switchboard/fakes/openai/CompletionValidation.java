package dev.switchboard.fakes.openai;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.switchboard.fakes.openai.ChatCompletionRequest.list;

/** The request checks OpenAI-compatible servers make, with OpenAI's own messages. */
final class CompletionValidation {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private final String apiKey;

    CompletionValidation(String apiKey) {
        this.apiKey = apiKey;
    }

    Optional<OpenAiError> check(ChatCompletionRequest request) {
        if (apiKey != null && !apiKey.equals(request.bearerToken())) {
            return Optional.of(OpenAiError.invalidApiKey());
        }
        var json = request.json();
        if (!json.isObject()) {
            return invalid("We could not parse the JSON body of your request.");
        }
        if (request.model() == null) {
            return invalid("you must provide a model parameter");
        }
        var messages = request.messages();
        if (messages.isEmpty()) {
            return invalid("Invalid 'messages': empty array. Expected an array with minimum length 1.");
        }
        return roles(messages).or(() -> toolReplies(messages));
    }

    private Optional<OpenAiError> roles(List<JsonNode> messages) {
        for (int i = 0; i < messages.size(); i++) {
            var role = Json.text(messages.get(i), "role");
            if (role == null || !ROLES.contains(role)) {
                return invalid("Invalid value for 'messages[" + i + "].role'.");
            }
        }
        return Optional.empty();
    }

    /** Each assistant tool call must be answered by a tool message, and each tool message must answer one. */
    private Optional<OpenAiError> toolReplies(List<JsonNode> messages) {
        Set<String> open = new LinkedHashSet<>();
        for (var message : messages) {
            var role = Json.text(message, "role");
            if ("tool".equals(role)) {
                if (!open.remove(Json.text(message, "tool_call_id"))) {
                    return invalid("Invalid parameter: messages with role 'tool' must be a response to a preceeding "
                            + "message with 'tool_calls'.");
                }
                continue;
            }
            if (!open.isEmpty()) {
                return unanswered(open);
            }
            if ("assistant".equals(role)) {
                list(message.path("tool_calls")).forEach(call -> open.add(Json.text(call, "id")));
            }
        }
        return open.isEmpty() ? Optional.empty() : unanswered(open);
    }

    private static Optional<OpenAiError> unanswered(Set<String> open) {
        return invalid("An assistant message with 'tool_calls' must be followed by tool messages responding to each "
                + "'tool_call_id'. The following tool_call_ids did not have response messages: "
                + String.join(", ", open));
    }

    private static Optional<OpenAiError> invalid(String message) {
        return Optional.of(OpenAiError.invalidRequest(message));
    }
}
