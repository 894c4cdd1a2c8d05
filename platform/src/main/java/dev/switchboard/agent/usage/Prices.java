package dev.switchboard.agent.usage;

import dev.switchboard.agent.config.AgentProperties;
import dev.switchboard.agent.llm.ModelUsage;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * USD per million tokens by model, from configuration ({@code switchboard.agent.prices}) over built-in list prices.
 * A model without a price costs 0 (local servers), which the dashboard shows as such.
 */
@Component
public class Prices {

    private static final Map<String, AgentProperties.Price> LIST_PRICES = Map.of(
            "claude-haiku-4-5", new AgentProperties.Price(1.0, 5.0, 0.10, 1.25),
            "claude-sonnet-4-5", new AgentProperties.Price(3.0, 15.0, 0.30, 3.75),
            "claude-opus-4-1", new AgentProperties.Price(15.0, 75.0, 1.50, 18.75));

    private final Map<String, AgentProperties.Price> configured;

    Prices(AgentProperties properties) {
        this.configured = properties.prices();
    }

    /** Cost in micro-dollars (USD times a million). */
    public long costMicros(String model, ModelUsage usage) {
        AgentProperties.Price price = configured.getOrDefault(model, LIST_PRICES.get(model));
        if (price == null) {
            return 0;
        }
        double dollarsTimesMillion = usage.input() * price.input() + usage.output() * price.output()
                + usage.cacheRead() * price.cacheRead() + usage.cacheWrite() * price.cacheWrite();
        return Math.round(dollarsTimesMillion);
    }
}
