package dev.switchboard.conversation;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations of the current tenant scope and the changes of their state. Every change publishes an event
 * (see {@link ConversationChanged}); state changes are compare-and-set, so two agents taking one conversation
 * at once cannot both win.
 */
public interface Conversations {

    Conversation get(UUID conversationId);

    Optional<Conversation> find(UUID conversationId);

    /**
     * The contact's open conversation on this channel, or a new one when there is none, or the last one is
     * closed or idle for longer than {@code sessionExpiry}.
     */
    Opened openFor(Contact contact, Channel channel, String address, Duration sessionExpiry);

    record Opened(Conversation conversation, boolean created) {
    }

    /** The AI asks for a human: the conversation waits in the queue (or goes straight to an assignee). */
    Conversation requestHandoff(UUID conversationId, String reason);

    /**
     * Offers a conversation waiting in the queue to one agent: it stays pending, now with that assignee, until
     * they take it. Fails with {@code Conflict} when it no longer waits or someone else was offered it first.
     */
    Conversation assign(UUID conversationId, UUID userId);

    /**
     * Withdraws an offer that {@code userId} has not taken (they went offline): the conversation waits in the
     * queue again. Fails with {@code Conflict} when it was taken, or offered to someone else, meanwhile.
     */
    Conversation unassign(UUID conversationId, UUID userId, String reason);

    /** A human takes it; fails with {@code Conflict} if someone else holds it already. */
    Conversation take(UUID conversationId, UUID userId);

    Conversation reassign(UUID conversationId, UUID fromUserId, UUID toUserId);

    Conversation returnToAi(UUID conversationId);

    Conversation close(UUID conversationId, String reason);

    Conversation rate(UUID conversationId, int csat);

    /** Records which brain answered the last turn ({@code llm} or {@code flow}) and the language it used. */
    void markAnsweredBy(UUID conversationId, String brain, String language);
}
