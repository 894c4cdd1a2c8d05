package dev.switchboard.agent.llm;

import dev.switchboard.agent.config.AgentProperties;
import dev.switchboard.shared.ProviderStatus;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Says whether the operator configured a live model. Tenants may still bring their own key (then they run live)
 * or have none (then their offline flow answers), which the dashboard shows per tenant.
 */
@Component
class LlmProviderStatus implements ProviderStatus {

    private final AgentProperties properties;

    LlmProviderStatus(AgentProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<Mode> modes() {
        if (properties.anthropic().hasKey()) {
            return List.of(new Mode("LLM", true, "Anthropic Claude" + (properties.anthropic().baseUrl() == null ? ""
                    : " at " + properties.anthropic().baseUrl()) + " (tenants' own keys take precedence)"));
        }
        if (properties.openai().baseUrl() != null && !properties.openai().baseUrl().isBlank() || properties.openai().hasKey()) {
            return List.of(new Mode("LLM", true, "OpenAI-compatible server at "
                    + (properties.openai().baseUrl() == null ? "api.openai.com" : properties.openai().baseUrl())
                    + " (for tenants whose provider is openai-compatible)"));
        }
        return List.of(new Mode("LLM", false, "no ANTHROPIC_API_KEY: each tenant's offline flow answers "
                + "(tenants with their own key still use their model)"));
    }
}
