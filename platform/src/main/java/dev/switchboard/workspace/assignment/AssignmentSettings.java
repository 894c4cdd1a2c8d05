package dev.switchboard.workspace.assignment;

import dev.switchboard.tenant.ConfigKey;
import dev.switchboard.tenant.EffectiveConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The per-tenant assignment settings, declared as configuration keys so admins edit them like any other
 * setting (versioned, with history). Tenant directories do not declare them: the defaults below apply.
 */
@Configuration(proxyBeanMethods = false)
public class AssignmentSettings {

    public static final String AUTO_ASSIGN = "workspace.autoAssign";
    public static final String AGENT_CAPACITY = "workspace.agentCapacity";
    static final boolean DEFAULT_AUTO_ASSIGN = true;
    static final int DEFAULT_CAPACITY = 5;

    @Bean
    ConfigKey workspaceAutoAssign() {
        return new ConfigKey(AUTO_ASSIGN, "Offer conversations waiting for a human to online agents automatically",
                "{\"type\":\"boolean\"}", t -> JsonNodeFactory.instance.booleanNode(DEFAULT_AUTO_ASSIGN));
    }

    @Bean
    ConfigKey workspaceAgentCapacity() {
        return new ConfigKey(AGENT_CAPACITY, "Most open conversations an agent is given automatically",
                "{\"type\":\"integer\",\"minimum\":1,\"maximum\":50}",
                t -> JsonNodeFactory.instance.numberNode(DEFAULT_CAPACITY));
    }

    record Values(boolean autoAssign, int capacity) {
        static Values of(EffectiveConfiguration config) {
            return new Values(config.flag(AUTO_ASSIGN, DEFAULT_AUTO_ASSIGN), config.integer(AGENT_CAPACITY, DEFAULT_CAPACITY));
        }
    }
}
