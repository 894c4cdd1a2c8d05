package dev.switchboard.tenant.config;

import dev.switchboard.tenant.ConfigKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.JsonNodeFactory;

/** The agent settings the dashboard may override (screen 04). */
@Configuration(proxyBeanMethods = false)
class AgentConfigKeys {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Bean
    ConfigKey agentProvider() {
        return new ConfigKey("agent.provider", "LLM provider",
                "{\"enum\":[\"anthropic\",\"openai-compatible\",\"offline\"]}",
                t -> JSON.stringNode(t.agent().provider()));
    }

    @Bean
    ConfigKey agentModel() {
        return new ConfigKey("agent.model", "Model name",
                "{\"type\":\"string\",\"minLength\":1,\"maxLength\":120}", t -> JSON.stringNode(t.agent().model()));
    }

    @Bean
    ConfigKey agentFallbackModel() {
        return new ConfigKey("agent.fallbackModel", "Model used when the primary model keeps failing",
                "{\"type\":[\"string\",\"null\"],\"maxLength\":120}",
                t -> t.agent().fallbackModel() == null ? JSON.nullNode() : JSON.stringNode(t.agent().fallbackModel()));
    }

    @Bean
    ConfigKey agentTemperature() {
        return new ConfigKey("agent.temperature", "Sampling temperature",
                "{\"type\":\"number\",\"minimum\":0,\"maximum\":2}", t -> JSON.numberNode(t.agent().temperature()));
    }

    @Bean
    ConfigKey agentMaxTokens() {
        return new ConfigKey("agent.maxTokens", "Maximum tokens per model response",
                "{\"type\":\"integer\",\"minimum\":1,\"maximum\":64000}", t -> JSON.numberNode(t.agent().maxTokens()));
    }

    @Bean
    ConfigKey agentSessionExpiry() {
        return new ConfigKey("agent.sessionExpiryMinutes", "Minutes of silence after which a new conversation starts",
                "{\"type\":\"integer\",\"minimum\":1,\"maximum\":10080}",
                t -> JSON.numberNode(t.agent().sessionExpiryMinutes()));
    }

    @Bean
    ConfigKey agentGreeting() {
        return new ConfigKey("agent.greeting", "Greeting per language",
                "{\"type\":\"object\",\"minProperties\":1,\"additionalProperties\":false,"
                        + "\"properties\":{\"en\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":2000},"
                        + "\"es\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":2000}}}",
                t -> {
                    var node = JSON.objectNode();
                    t.agent().greeting().forEach(node::put);
                    return node;
                });
    }

    @Bean
    ConfigKey agentSystemPrompt() {
        return new ConfigKey("agent.systemPrompt", "System prompt",
                "{\"type\":\"string\",\"minLength\":1,\"maxLength\":100000}", t -> JSON.stringNode(t.systemPrompt()));
    }

    @Bean
    ConfigKey agentEnabledTools() {
        return new ConfigKey("agent.enabledTools", "Tools the agent may call",
                "{\"type\":\"array\",\"uniqueItems\":true,\"items\":{\"type\":\"string\",\"pattern\":\"^[a-z][a-z0-9_]{0,63}$\"}}",
                t -> {
                    var array = JSON.arrayNode();
                    t.agent().enabledTools().forEach(array::add);
                    return array;
                });
    }

    @Bean
    ConfigKey agentFallbackToFlow() {
        return new ConfigKey("agent.fallbackToFlow", "Answer with the offline flow when the LLM is unavailable",
                "{\"type\":\"boolean\"}", t -> JSON.booleanNode(t.agent().fallbackToFlow()));
    }
}
