package dev.switchboard.agent;

import java.util.UUID;

/**
 * How a turn ended.
 *
 * @param reply  the text sent to the customer, or null when none was
 * @param reason why it was handed off, refused or failed
 * @param brain  {@code llm} or {@code flow}
 */
public record TurnOutcome(UUID turnId, Ending ending, String reply, String reason, String brain) {

    public enum Ending { ANSWERED, HANDED_OFF, CONVERSATION_ENDED, CALL_ENDED, REFUSED, CANCELLED, FAILED, NOTHING_TO_ANSWER }

    /** The agent asked to hang up (the {@code end_call} tool): a voice caller ends the call after the reply. */
    public boolean endCall() {
        return ending == Ending.CALL_ENDED;
    }
}
