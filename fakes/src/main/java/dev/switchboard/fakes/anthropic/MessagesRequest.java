package dev.switchboard.fakes.anthropic;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A recorded {@code POST /v1/messages}, with readers for what platform tests assert on. */
public record MessagesRequest(RecordedRequest raw) {

    public JsonNode json() {
        return raw.json();
    }

    public String header(String name) {
        return raw.header(name);
    }

    public String model() {
        return Json.text(json(), "model");
    }

    public boolean streaming() {
        return json().path("stream").asBoolean(false);
    }

    /** The key as sent: {@code x-api-key} wins over {@code Authorization: Bearer}, as at the real API. */
    public String apiKey() {
        var key = raw.header("x-api-key");
        if (key != null) {
            return key;
        }
        var authorization = raw.header("authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    /** {@code system} as sent: a string, an array of text blocks (maybe with cache_control), or missing. */
    public JsonNode system() {
        return json().path("system");
    }

    /** The system prompt's text, blocks joined by a blank line. */
    public String systemText() {
        var system = system();
        if (system.isString()) {
            return system.stringValue();
        }
        return blocks(system).stream().map(b -> Json.text(b, "text")).filter(t -> t != null)
                .collect(Collectors.joining("\n\n"));
    }

    public List<JsonNode> tools() {
        return blocks(json().path("tools"));
    }

    public List<String> toolNames() {
        return tools().stream().map(t -> Json.text(t, "name")).toList();
    }

    public List<JsonNode> messages() {
        return blocks(json().path("messages"));
    }

    /** Every {@code tool_result} block in the conversation, oldest first. */
    public List<JsonNode> toolResults() {
        var results = new ArrayList<JsonNode>();
        for (var message : messages()) {
            blocks(message.path("content")).stream()
                    .filter(b -> "tool_result".equals(Json.text(b, "type"))).forEach(results::add);
        }
        return results;
    }

    /** The text of the last user message that has text (tool results alone do not count). */
    public String lastUserText() {
        var messages = messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            var message = messages.get(i);
            if ("user".equals(Json.text(message, "role"))) {
                var text = textOf(message.path("content"));
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** count_tokens takes no max_tokens; validating a copy with one keeps the other rules shared. */
    MessagesRequest withDefaultMaxTokens() {
        if (!(json() instanceof ObjectNode object) || object.has("max_tokens")) {
            return this;
        }
        var copy = object.deepCopy().put("max_tokens", 1);
        return new MessagesRequest(new RecordedRequest(raw.method(), raw.uri(), raw.headers(), raw.body(), copy,
                raw.receivedAt()));
    }

    static String textOf(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        return blocks(content).stream().filter(b -> "text".equals(Json.text(b, "type")))
                .map(b -> Json.text(b, "text")).collect(Collectors.joining(" "));
    }

    static List<JsonNode> blocks(JsonNode array) {
        var blocks = new ArrayList<JsonNode>();
        if (array != null && array.isArray()) {
            array.forEach(blocks::add);
        }
        return blocks;
    }
}
