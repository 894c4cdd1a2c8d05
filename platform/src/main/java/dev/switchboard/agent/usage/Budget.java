package dev.switchboard.agent.usage;

import dev.switchboard.tenant.TenantDefinition;
import tools.jackson.databind.JsonNode;

/** A tenant's limits from {@code agent.budgets} in tenant.yaml, with defaults for the ones it leaves out. */
public record Budget(long tokensPerDay, int turnsPerConversation, int messagesPerMinutePerContact,
                     int toolCallsPerTurn, int stepsPerTurn) {

    public static Budget of(TenantDefinition tenant) {
        JsonNode b = tenant.section("agent", "budgets");
        return new Budget(b.path("tokensPerDay").asLong(2_000_000), b.path("turnsPerConversation").asInt(100),
                b.path("messagesPerMinutePerContact").asInt(30), b.path("toolCallsPerTurn").asInt(8),
                b.path("stepsPerTurn").asInt(6));
    }
}
