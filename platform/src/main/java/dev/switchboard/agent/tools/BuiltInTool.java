package dev.switchboard.agent.tools;

import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the platform's own tools have in common: a fixed name, description, argument schema and timeout, no verified
 * customer needed (they act on nothing of the customer's), and safe to repeat (they only read, or steer the graph).
 */
abstract class BuiltInTool implements Tool {

    private final String name;
    private final String description;
    private final JsonNode parameters;
    private final Duration timeout;

    BuiltInTool(String name, String description, JsonNode parameters, Duration timeout) {
        this.name = name;
        this.description = description;
        this.parameters = parameters;
        this.timeout = timeout;
    }

    /** An object schema of string arguments, none other allowed; {@code required} lists the mandatory ones. */
    static ObjectNode schema(List<String> required, StringArgument... arguments) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (StringArgument argument : arguments) {
            ObjectNode property = properties.putObject(argument.name()).put("type", "string")
                    .put("maxLength", argument.maxLength()).put("description", argument.description());
            if (argument.minLength() > 0) {
                property.put("minLength", argument.minLength());
            }
        }
        if (!required.isEmpty()) {
            required.forEach(schema.putArray("required")::add);
        }
        return schema.put("additionalProperties", false);
    }

    record StringArgument(String name, int minLength, int maxLength, String description) {
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final JsonNode parameters() {
        return parameters;
    }

    @Override
    public final boolean safeToRepeat() {
        return true;
    }

    @Override
    public final boolean requiresVerifiedCustomer() {
        return false;
    }

    @Override
    public final Duration timeout() {
        return timeout;
    }
}
