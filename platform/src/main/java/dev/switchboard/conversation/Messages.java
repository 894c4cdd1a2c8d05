package dev.switchboard.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The ordered messages of conversations in the current tenant scope. */
public interface Messages {

    /** Appends a message at the end of the conversation and publishes {@link MessageAppended}. */
    Message append(UUID conversationId, NewMessage message);

    /**
     * Appends a customer message unless its provider message id was seen before on this channel: a duplicate
     * changes nothing and returns empty.
     */
    Optional<Message> appendInbound(UUID conversationId, NewMessage message);

    /** Updates a message's text and content in place (a tool call as it progresses) and publishes {@link MessageChanged}. */
    Message update(UUID messageId, String text, JsonNode content);

    /** Records what the provider said about an outbound message; a status never moves backwards. */
    void recordDelivery(UUID messageId, String providerMessageId, String status, JsonNode error);

    Optional<Message> find(UUID messageId);

    /** The customer message a channel delivered with this provider id, if it was stored before. */
    Optional<Message> findInbound(Channel channel, String providerMessageId);

    Optional<Message> findOutbound(String providerMessageId);

    /** Messages after {@code afterSeq}, oldest first. */
    List<Message> after(UUID conversationId, long afterSeq, int limit);

    /** The newest {@code limit} messages, oldest first. */
    List<Message> latest(UUID conversationId, int limit);
}
