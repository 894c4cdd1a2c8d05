package dev.switchboard.whatsapp.intake;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Outbound;
import dev.switchboard.conversation.Owner;
import dev.switchboard.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Answers a message the platform cannot read (a sticker, a contact card, a poll...) so the customer is not left
 * waiting. A reaction to one of our messages is only logged: answering a thumbs-up would be odd. When a human
 * holds the conversation, they see the message and answer themselves.
 */
@Component
class UnsupportedReplies {

    private static final Logger log = LoggerFactory.getLogger(UnsupportedReplies.class);

    private final Outbound outbound;
    private final Tenants tenants;

    UnsupportedReplies(Outbound outbound, Tenants tenants) {
        this.outbound = outbound;
        this.tenants = tenants;
    }

    void answer(Conversation conversation, String waId, String type) {
        boolean reply = !type.equals("reaction") && conversation.owner() == Owner.AI;
        log.warn("unsupported WhatsApp message type '{}' from {} stored in conversation {}{}", type, masked(waId),
                conversation.id(), reply ? "; answered politely" : "");
        if (!reply) {
            return;
        }
        String language = conversation.language() != null ? conversation.language()
                : tenants.find(conversation.tenantId()).map(t -> t.defaultLanguage()).orElse("en");
        String text = "es".equals(language)
                ? "Lo siento, todavía no puedo leer este tipo de mensaje. ¿Me lo puedes escribir en un mensaje de texto?"
                : "Sorry, I can't read this kind of message yet. Could you write it to me as a text message?";
        outbound.send(conversation.id(), new NewMessage(MessageRole.AI, "text", text,
                JsonNodeFactory.instance.objectNode().put("notice", "unsupported_message").put("type", type),
                null, null, null));
    }

    /** Phone numbers are personal data: the log keeps only their last digits. */
    private static String masked(String waId) {
        return waId.length() <= 4 ? "****" : "***" + waId.substring(waId.length() - 4);
    }
}
