package dev.switchboard.conversation;

import java.util.UUID;

/**
 * Everything that goes to a customer passes here: the message is stored, and once the transaction commits it
 * is handed to the sender of the conversation's channel; the outcome is recorded on the message.
 */
public interface Outbound {

    /** Stores an AI or human message and delivers it after commit. */
    Message send(UUID conversationId, NewMessage message);

    /** Forwards a fragment of a reply being generated to channels that stream. Nothing is stored. */
    void stream(UUID conversationId, UUID turnId, String delta);
}
