package dev.switchboard.tenant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One tenant as its directory defines it, validated and immutable. A reload builds a new instance and swaps it
 * in whole, so a reader never sees half of an edit.
 *
 * @param version     a digest of every file the definition was read from
 * @param document    the parsed {@code tenant.yaml}, for modules that read their own section (channels.voice...)
 * @param endpoints   named base URLs of the tenant's own systems (after operator overrides)
 * @param formatters  formatter name to its parsed file
 * @param flow        the parsed {@code flow.yaml}, or a missing node when the tenant has none
 */
public record TenantDefinition(UUID id, String slug, String name, List<String> languages, ZoneId timezone,
                               AgentDefaults agent, String systemPrompt, List<ToolDefinition> tools,
                               Map<String, JsonNode> formatters, JsonNode flow, Map<String, Endpoint> endpoints,
                               JsonNode document, Path directory, String version) {

    /** Tenant ids derive from the slug, so the same directory has the same id on every installation. */
    public static UUID idFor(String slug) {
        return UUID.nameUUIDFromBytes(("switchboard-tenant:" + slug).getBytes(StandardCharsets.UTF_8));
    }

    public String defaultLanguage() {
        return languages.getFirst();
    }

    public Optional<ToolDefinition> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * A base URL of the tenant's own systems. {@code privateNetworkAllowed} is the operator's explicit opt-in
     * (never the tenant's) for a target on a private or loopback address, such as the demo's local API.
     */
    public record Endpoint(String url, boolean privateNetworkAllowed) {
    }

    /** A section of tenant.yaml by path, e.g. {@code section("channels", "webchat")}; missing node when absent. */
    public JsonNode section(String... path) {
        JsonNode node = document;
        for (String part : path) {
            node = node.path(part);
        }
        return node;
    }
}
