package dev.switchboard.agent;

import java.util.List;
import java.util.Map;

/**
 * What a channel adds to a turn it streams (a voice agent's settings): instructions appended to the tenant's
 * system prompt, the tools enabled for this turn instead of the tenant's list (empty: the tenant's), and facts
 * about the conversation the model is told with the customer's words (an outbound call's reason, a name).
 */
public record TurnOptions(String instructions, List<String> enabledTools, Map<String, String> context) {

    public static final TurnOptions NONE = new TurnOptions(null, List.of(), Map.of());

    public TurnOptions {
        enabledTools = enabledTools == null ? List.of() : List.copyOf(enabledTools);
        context = context == null ? Map.of() : Map.copyOf(context);
    }
}
