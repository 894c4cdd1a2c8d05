package dev.switchboard.tenant;

import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One setting the dashboard may override. Modules declare their keys as beans (the agent's here, the voice
 * agent's in the voice module); the value is validated against {@code schema}, a JSON Schema, before storing.
 *
 * @param directoryDefault where the value comes from when nothing overrides it
 */
public record ConfigKey(String name, String description, String schema,
                        Function<TenantDefinition, JsonNode> directoryDefault) {
}
