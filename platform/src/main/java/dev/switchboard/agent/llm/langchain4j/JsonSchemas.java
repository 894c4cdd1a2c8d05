package dev.switchboard.agent.llm.langchain4j;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A tool's JSON Schema (as the tenant wrote it) in LangChain4j's schema types. Keywords LangChain4j cannot carry
 * (lengths, formats) are folded into the description, so the model still reads them; the executor validates them.
 */
final class JsonSchemas {

    private JsonSchemas() {
    }

    static JsonObjectSchema object(JsonNode schema) {
        var builder = JsonObjectSchema.builder().description(description(schema));
        schema.path("properties").properties().forEach(p -> builder.addProperty(p.getKey(), element(p.getValue())));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        builder.required(required);
        if (schema.has("additionalProperties") && schema.get("additionalProperties").isBoolean()) {
            builder.additionalProperties(schema.get("additionalProperties").asBoolean());
        }
        return builder.build();
    }

    private static JsonSchemaElement element(JsonNode schema) {
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asString()));
            return JsonEnumSchema.builder().enumValues(values).description(description(schema)).build();
        }
        return switch (schema.path("type").asString("string")) {
            case "object" -> object(schema);
            case "integer" -> JsonIntegerSchema.builder().description(description(schema)).build();
            case "number" -> JsonNumberSchema.builder().description(description(schema)).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description(schema)).build();
            case "array" -> JsonArraySchema.builder().description(description(schema))
                    .items(element(schema.path("items").isObject() ? schema.get("items") : stringSchema())).build();
            default -> JsonStringSchema.builder().description(description(schema)).build();
        };
    }

    private static JsonNode stringSchema() {
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "string");
    }

    private static String description(JsonNode schema) {
        StringBuilder text = new StringBuilder(schema.path("description").asString(""));
        appendRule(text, schema, "format", "format");
        appendRule(text, schema, "maxLength", "at most %s characters");
        appendRule(text, schema, "minLength", "at least %s characters");
        appendRule(text, schema, "pattern", "pattern %s");
        return text.isEmpty() ? null : text.toString();
    }

    private static void appendRule(StringBuilder text, JsonNode schema, String keyword, String template) {
        if (schema.has(keyword)) {
            String rule = keyword.equals("format") ? "format " + schema.get(keyword).asString()
                    : template.formatted(schema.get(keyword).asString());
            text.append(text.isEmpty() ? "" : " ").append('(').append(rule).append(')');
        }
    }
}
