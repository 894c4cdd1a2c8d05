package dev.switchboard.conversation;

/**
 * The path every text channel shares. In the current tenant scope it: ignores a provider message id it has
 * seen before; finds or creates the contact and the conversation (a new one when the last is closed or its
 * session expired); stores the message; and hands it to the conversation's owner by publishing
 * {@link MessageReceived} (the AI agent answers when it owns the conversation; a human sees it live).
 */
public interface ChannelRouter {

    Routed route(InboundMessage message);

    /**
     * {@code duplicate}: the message was seen before and nothing changed; {@code message} is then the one stored
     * the first time and {@code conversation} the conversation that holds it.
     */
    record Routed(Conversation conversation, Message message, boolean duplicate) {
    }
}
