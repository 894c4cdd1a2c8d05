package dev.switchboard.agent.flow;

/**
 * What the flow decided for one turn.
 *
 * @param handoffReason non-null: hand the conversation to a human
 * @param intent        the intent recognised or continued, null when none
 */
public record FlowAnswer(String reply, String handoffReason, String intent, boolean endConversation) {

    static FlowAnswer reply(String text, String intent) {
        return new FlowAnswer(text, null, intent, false);
    }
}
