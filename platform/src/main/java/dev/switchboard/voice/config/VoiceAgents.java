package dev.switchboard.voice.config;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.ConfigValue;
import dev.switchboard.tenant.TenantConfiguration;
import dev.switchboard.tenant.TenantDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves a tenant's voice settings: {@code channels.voice} of tenant.yaml, with the dashboard's override of
 * {@code voice.agents} merged field by field over the directory's agents (an override names only what it changes).
 */
@Component
public class VoiceAgents {

    public static final String CONFIG_KEY = "voice.agents";

    private final TenantConfiguration configuration;
    private final VoiceProperties properties;

    VoiceAgents(TenantConfiguration configuration, VoiceProperties properties) {
        this.configuration = configuration;
        this.properties = properties;
    }

    public VoiceSettings of(TenantDefinition tenant) {
        JsonNode voice = tenant.section("channels", "voice");
        JsonNode agents = effectiveAgents(tenant);
        Map<String, VoiceAgent> parsed = new LinkedHashMap<>();
        agents.properties().forEach(e -> parsed.put(e.getKey(), VoiceAgent.parse(e.getKey(), e.getValue())));
        if (parsed.isEmpty()) {
            parsed.put("default", VoiceAgent.parse("default", JsonNodeFactory.instance.objectNode()));
        }
        String fallbackDefault = parsed.keySet().iterator().next();
        return new VoiceSettings(voice.path("enabled").asBoolean(false), voice.path("twilio").path("accountSid").asString(null),
                voice.path("twilio").path("baseUrl").asString(properties.twilioBaseUrl()),
                voice.path("humanNumber").asString(null), voice.path("maxConcurrentOutbound").asInt(5),
                voice.path("defaultAgent").asString(fallbackDefault), Map.copyOf(parsed));
    }

    /** The directory's agents with the override merged in; also tells the API where each value comes from. */
    public JsonNode effectiveAgents(TenantDefinition tenant) {
        JsonNode directory = tenant.section("channels", "voice", "agents");
        ObjectNode merged = directory.isObject() ? (ObjectNode) directory.deepCopy() : JsonNodeFactory.instance.objectNode();
        ConfigValue override = TenantScope.within(tenant.id(), () -> configuration.effective(tenant.id()).values().get(CONFIG_KEY));
        if (override != null && override.source() == ConfigValue.Source.OVERRIDE && override.value().isObject()) {
            override.value().properties().forEach(e -> merged.set(e.getKey(),
                    merge(merged.path(e.getKey()), e.getValue())));
        }
        return merged;
    }

    /** The override's part of {@code voice.agents}, or an empty object when nothing is overridden. */
    public JsonNode overrides(TenantDefinition tenant) {
        ConfigValue override = TenantScope.within(tenant.id(), () -> configuration.effective(tenant.id()).values().get(CONFIG_KEY));
        return override != null && override.source() == ConfigValue.Source.OVERRIDE ? override.value()
                : JsonNodeFactory.instance.objectNode();
    }

    static JsonNode merge(JsonNode base, JsonNode change) {
        if (!base.isObject() || !change.isObject()) {
            return change.deepCopy();
        }
        ObjectNode result = (ObjectNode) base.deepCopy();
        change.properties().forEach(e -> result.set(e.getKey(), merge(result.path(e.getKey()), e.getValue())));
        return result;
    }
}
