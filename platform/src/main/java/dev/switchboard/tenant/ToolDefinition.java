package dev.switchboard.tenant;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A declarative HTTP tool from {@code tools/<name>.yaml}; see {@code schemas/tool.schema.json} for each field.
 *
 * @param parameters the JSON Schema of what the model supplies (never tenant or customer identity)
 * @param request    method, url template, headers, query and body templates
 * @param document   the whole parsed file, for fields added later
 */
public record ToolDefinition(String name, String description, JsonNode parameters, JsonNode request,
                             Duration timeout, boolean safeToRepeat, boolean requiresVerifiedCustomer,
                             JsonNode verifiesCustomer, Map<String, String> references,
                             Map<String, String> argumentRefs, JsonNode response, JsonNode document) {
}
