package dev.switchboard.agent;

import java.util.UUID;

/**
 * Runs agent turns on demand, for channels that cannot wait for the text path's queue (voice). Text channels need
 * nothing from here: a stored customer message ({@code MessageReceived} with owner AI) schedules its turn.
 *
 * <p>Call inside the conversation's tenant scope. Turns of one conversation never overlap: a call made while
 * another turn runs waits for it, and then answers every customer message not yet answered.
 */
public interface AgentTurns {

    /**
     * Stores {@code userText} as the customer's message and answers it, streaming the reply's text to
     * {@code listener} as the model produces it. Returns at once; the handle completes when the turn ends.
     */
    TurnHandle stream(UUID conversationId, String userText, TurnListener listener);
}
