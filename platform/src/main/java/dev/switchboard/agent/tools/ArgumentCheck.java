package dev.switchboard.agent.tools;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Validates model-supplied arguments against the tool's JSON Schema before anything is sent anywhere. */
final class ArgumentCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ArgumentCheck() {
    }

    /** Problems, empty when the arguments are valid. */
    static List<String> problems(JsonNode schema, JsonNode arguments) {
        if (arguments == null || !arguments.isObject()) {
            return List.of("the arguments must be a JSON object");
        }
        String text = schema.toString();
        if (SCHEMAS.size() > 4096) {
            SCHEMAS.clear();
        }
        Schema compiled = SCHEMAS.computeIfAbsent(text, t -> REGISTRY.getSchema(
                new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8)), InputFormat.JSON));
        return compiled.validate(arguments).stream().map(Error::getMessage).limit(5).toList();
    }
}
