package dev.switchboard.fakes.openai;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.RecordedRequest;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A recorded {@code POST /v1/chat/completions}, with readers for what platform tests assert on. */
public record ChatCompletionRequest(RecordedRequest raw) {

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

    public boolean includeUsage() {
        return json().path("stream_options").path("include_usage").asBoolean(false);
    }

    public String bearerToken() {
        var authorization = raw.header("authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    public List<JsonNode> tools() {
        return list(json().path("tools"));
    }

    public List<String> toolNames() {
        return tools().stream().map(t -> Json.text(t.path("function"), "name")).toList();
    }

    public List<JsonNode> messages() {
        return list(json().path("messages"));
    }

    /** The {@code role: tool} messages, i.e. the tool results sent back. */
    public List<JsonNode> toolMessages() {
        return messages().stream().filter(m -> "tool".equals(Json.text(m, "role"))).toList();
    }

    public String lastUserText() {
        var messages = messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(Json.text(messages.get(i), "role"))) {
                return textOf(messages.get(i).path("content"));
            }
        }
        return "";
    }

    private static String textOf(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        return list(content).stream().map(part -> Json.text(part, "text")).filter(t -> t != null)
                .collect(Collectors.joining(" "));
    }

    static List<JsonNode> list(JsonNode array) {
        var items = new ArrayList<JsonNode>();
        if (array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }
}
