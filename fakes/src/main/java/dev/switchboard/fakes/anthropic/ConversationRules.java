package dev.switchboard.fakes.anthropic;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.switchboard.fakes.anthropic.MessagesRequest.blocks;
import static dev.switchboard.fakes.anthropic.MessagesValidation.invalid;

/**
 * Rules over the {@code messages} array: roles, and every {@code tool_use} answered by a {@code tool_result} at the
 * start of the very next user message (the mistake agent loops make most often).
 */
final class ConversationRules {

    private final List<JsonNode> messages;

    ConversationRules(MessagesRequest request) {
        this.messages = request.messages();
    }

    Optional<ApiError> check() {
        if (messages.isEmpty()) {
            return invalid("messages: at least one message is required");
        }
        for (int i = 0; i < messages.size(); i++) {
            var role = Json.text(messages.get(i), "role");
            if (!"user".equals(role) && !"assistant".equals(role)) {
                return invalid("messages." + i + ".role: Input should be 'user' or 'assistant'");
            }
            if (!messages.get(i).has("content")) {
                return invalid("messages." + i + ".content: Field required");
            }
        }
        return toolPairing();
    }

    /** Extra rules of anthropic-version 2026-10-21. */
    Optional<ApiError> check2026() {
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            var content = blocks(message.path("content"));
            for (int j = 0; j < content.size(); j++) {
                var block = content.get(j);
                var type = Json.text(block, "type");
                if ("assistant".equals(Json.text(message, "role")) && "document".equals(type)) {
                    return invalid("messages." + i + ".content." + j
                            + ": document blocks are not allowed in assistant messages");
                }
                if ("user".equals(Json.text(message, "role")) && "text".equals(type)
                        && !block.path("citations").isEmpty()) {
                    return invalid("messages." + i + ".content." + j
                            + ".citations: citations are not allowed on user text blocks");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ApiError> toolPairing() {
        Set<String> open = Set.of();
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            var content = blocks(message.path("content"));
            var problem = "user".equals(Json.text(message, "role"))
                    ? answers(i, content, open)
                    : unanswered(i - 1, open);
            if (problem.isPresent()) {
                return problem;
            }
            open = "assistant".equals(Json.text(message, "role")) ? toolUseIds(content) : Set.of();
        }
        return Optional.empty();
    }

    private Optional<ApiError> unanswered(int index, Set<String> open) {
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return invalid("messages." + index + ": `tool_use` ids were found without `tool_result` blocks immediately "
                + "after: " + String.join(", ", open) + ". Each `tool_use` block must have a corresponding "
                + "`tool_result` block in the next message.");
    }

    private Optional<ApiError> answers(int index, List<JsonNode> content, Set<String> open) {
        var missing = new LinkedHashSet<>(open);
        boolean leading = true;
        for (int j = 0; j < content.size(); j++) {
            var block = content.get(j);
            boolean isResult = "tool_result".equals(Json.text(block, "type"));
            if (isResult && (!leading || !missing.remove(Json.text(block, "tool_use_id")))) {
                return invalid("messages." + index + ".content." + j + ": unexpected `tool_use_id` found in "
                        + "`tool_result` blocks: " + Json.text(block, "tool_use_id") + ". Each `tool_result` block "
                        + "must have a corresponding `tool_use` block in the previous message.");
            }
            leading = leading && isResult;
        }
        return missing.isEmpty() ? Optional.empty() : unanswered(index - 1, missing);
    }

    private static Set<String> toolUseIds(List<JsonNode> content) {
        var ids = new LinkedHashSet<String>();
        content.stream().filter(b -> "tool_use".equals(Json.text(b, "type")))
                .forEach(b -> ids.add(Json.text(b, "id")));
        return ids;
    }
}
