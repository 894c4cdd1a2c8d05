package dev.switchboard.agent.graph;

import dev.switchboard.agent.TurnOutcome.Ending;
import tools.jackson.databind.JsonNode;

/**
 * How a turn ends: the ending, the reply (none when blank) and the choices it offers, why, which brain answered and
 * the flow's intent, and what else must be stored in the same transaction as the reply (the flow's new position).
 */
record Closing(Ending ending, String text, JsonNode interactive, String reason, String brain, String intent,
               Runnable alsoStore) {

    static Closing of(Ending ending, String text, String reason, String brain) {
        return new Closing(ending, text, null, reason, brain, null, () -> {
        });
    }

    Closing withInteractive(JsonNode value) {
        return new Closing(ending, text, value, reason, brain, intent, alsoStore);
    }

    Closing withIntent(String value) {
        return new Closing(ending, text, interactive, reason, brain, value, alsoStore);
    }

    Closing alsoStoring(Runnable value) {
        return new Closing(ending, text, interactive, reason, brain, intent, value);
    }
}
