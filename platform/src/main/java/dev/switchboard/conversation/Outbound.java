package dev.switchboard.conversation;

import java.util.UUID;

/**
 * Everything that goes to a customer passes here: the message is stored, and once the transaction commits it
 * is handed to the sender of the conversation's channel; the outcome is recorded on the message.
 */
public interface Outbound {

    /** Stores an AI or human message and delivers it after commit. */
    Message send(UUID conversationId, NewMessage message);

    /**
     * Opens the stream of one reply being generated, for channels that stream: the sender is chosen here, once, so
     * each fragment costs no lookup. Nothing is stored; the finished reply still goes through {@link #send}.
     */
    ReplyStream openStream(Conversation conversation, UUID turnId);

    /** Fragments of one reply, in order, to the channel chosen when it was opened. */
    @FunctionalInterface
    interface ReplyStream {

        ReplyStream NONE = delta -> {
        };

        void delta(String text);
    }
}
