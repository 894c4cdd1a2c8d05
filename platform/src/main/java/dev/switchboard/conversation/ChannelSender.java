package dev.switchboard.conversation;

import java.util.UUID;

/**
 * Implemented by each channel module for its channel: how a message reaches the customer there. The
 * conversation module picks the sender by the conversation's channel, in one place ({@link Outbound}).
 */
public interface ChannelSender {

    Channel channel();

    /** Delivers one committed message; returns the provider's id and the status it reached. */
    Delivery deliver(Conversation conversation, Message message);

    /** Part of a reply as it is generated; channels that cannot stream (WhatsApp) ignore it. */
    default void stream(Conversation conversation, UUID turnId, String delta) {
    }

    /**
     * @param providerMessageId the provider's id for the sent message, or null when the channel has none
     * @param status            sent, delivered (web chat delivers at once) or failed
     * @param error             what went wrong when failed
     */
    record Delivery(String providerMessageId, String status, String error) {

        public static Delivery sent(String providerMessageId) {
            return new Delivery(providerMessageId, "sent", null);
        }

        public static Delivery delivered() {
            return new Delivery(null, "delivered", null);
        }

        public static Delivery failed(String error) {
            return new Delivery(null, "failed", error);
        }
    }
}
