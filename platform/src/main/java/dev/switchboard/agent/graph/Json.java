package dev.switchboard.agent.graph;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Model-supplied JSON is parsed leniently: what is not an object becomes one that fails the argument check. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parseObject(String text) {
        try {
            JsonNode node = MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
            return node.isObject() ? node : JsonNodeFactory.instance.objectNode().put("_invalid", text);
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.objectNode().put("_invalid", text);
        }
    }
}
