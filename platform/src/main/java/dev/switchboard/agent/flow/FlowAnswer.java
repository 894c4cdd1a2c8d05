package dev.switchboard.agent.flow;

import tools.jackson.databind.JsonNode;

/**
 * What the flow decided for one turn.
 *
 * @param handoffReason non-null: hand the conversation to a human
 * @param intent        the intent recognised or continued, null when none
 * @param interactive   the choices the reply offers (buttons or a list), null when none
 * @param state         where the flow stands after this turn, to be stored with the reply ({@link FlowAgent#remember})
 */
public record FlowAnswer(String reply, String handoffReason, String intent, boolean endConversation,
                         JsonNode interactive, JsonNode state) {

    static FlowAnswer reply(String text, String intent) {
        return new FlowAnswer(text, null, intent, false, null, null);
    }

    static FlowAnswer handoff(String text, String reason, String intent) {
        return new FlowAnswer(text, reason, intent, false, null, null);
    }

    static FlowAnswer goodbye(String text, String intent) {
        return new FlowAnswer(text, null, intent, true, null, null);
    }

    FlowAnswer offering(JsonNode choices) {
        return new FlowAnswer(reply, handoffReason, intent, endConversation, choices, state);
    }

    FlowAnswer withState(JsonNode value) {
        return new FlowAnswer(reply, handoffReason, intent, endConversation, interactive, value);
    }
}
