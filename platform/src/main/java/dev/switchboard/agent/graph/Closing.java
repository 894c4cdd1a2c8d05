package dev.switchboard.agent.graph;

import dev.switchboard.agent.TurnOutcome.Ending;

/**
 * How a turn ends: the ending, the reply (none when blank), why, which brain answered and the flow's intent, and
 * what else must be stored in the same transaction as the reply (the flow's new position).
 */
record Closing(Ending ending, String text, String reason, String brain, String intent, Runnable alsoStore) {

    static Closing of(Ending ending, String text, String reason, String brain) {
        return new Closing(ending, text, reason, brain, null, () -> {
        });
    }

    Closing withIntent(String value) {
        return new Closing(ending, text, reason, brain, value, alsoStore);
    }

    Closing alsoStoring(Runnable value) {
        return new Closing(ending, text, reason, brain, intent, value);
    }
}
