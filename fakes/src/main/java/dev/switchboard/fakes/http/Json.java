package dev.switchboard.fakes.http;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** The one JSON mapper of the fakes, and null-safe reads of the few field kinds the fakes validate. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String string(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    /** The parsed body, or empty when it is not JSON (the fakes answer that with the provider's own 400). */
    public static Optional<JsonNode> tryParse(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The text of {@code node.field} when it is a JSON string, else null. */
    public static String text(JsonNode node, String field) {
        var value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** True when {@code node.field} is present and not JSON null. */
    public static boolean has(JsonNode node, String field) {
        return node != null && node.hasNonNull(field);
    }
}
