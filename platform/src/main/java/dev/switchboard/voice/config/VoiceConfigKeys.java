package dev.switchboard.voice.config;

import dev.switchboard.tenant.ConfigKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The voice settings the dashboard may override (screen 06): {@code voice.agents}, a map of agent name to the
 * fields it changes. Its schema is the {@code voiceAgent} definition of tenant.schema.json itself, so the
 * directory and the dashboard validate against one definition.
 */
@Configuration(proxyBeanMethods = false)
class VoiceConfigKeys {

    @Bean
    ConfigKey voiceAgentsKey() {
        return new ConfigKey(VoiceAgents.CONFIG_KEY, "Voice agents: speech providers, greeting, prompt, tools, hours, limits",
                agentsSchema(), t -> {
                    JsonNode agents = t.section("channels", "voice", "agents");
                    return agents.isObject() ? agents : JsonNodeFactory.instance.objectNode();
                });
    }

    static String agentsSchema() {
        try (InputStream in = VoiceConfigKeys.class.getResourceAsStream("/schemas/tenant.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("schemas/tenant.schema.json is not on the classpath");
            }
            JsonNode tenantSchema = JsonMapper.builder().build().readTree(in);
            ObjectNode schema = JsonNodeFactory.instance.objectNode();
            schema.put("type", "object");
            schema.putObject("propertyNames").put("pattern", "^[a-z][a-z0-9_-]{0,39}$");
            schema.putObject("additionalProperties").put("$ref", "#/$defs/voiceAgent");
            schema.set("$defs", tenantSchema.path("$defs"));
            return schema.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
