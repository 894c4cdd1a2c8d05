package dev.switchboard.whatsapp.delivery;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelSender;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.Messages;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.whatsapp.CustomerServiceWindowClosed;
import dev.switchboard.whatsapp.WhatsAppNotConfigured;
import dev.switchboard.whatsapp.WhatsAppRefusedMessage;
import dev.switchboard.whatsapp.account.WhatsAppAccount;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import dev.switchboard.whatsapp.cloudapi.OutgoingMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers conversation replies on WhatsApp. Free-form messages are refused before anything is sent when the
 * customer's 24-hour window is closed; a refusal or a Meta error is recorded on the message with its code and
 * text, where the workspace shows it. Each send carries the message id, which Meta echoes on its statuses.
 */
@Component
class WhatsAppSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSender.class);

    private final WhatsAppAccounts accounts;
    private final ReplyComposer composer;
    private final CustomerWindows windows;
    private final PacedSender sender;
    private final Messages messages;

    WhatsAppSender(WhatsAppAccounts accounts, ReplyComposer composer, CustomerWindows windows, PacedSender sender,
                   Messages messages) {
        this.accounts = accounts;
        this.composer = composer;
        this.windows = windows;
        this.sender = sender;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public Delivery deliver(Conversation conversation, Message message) {
        return TenantScope.within(conversation.tenantId(), () -> deliverInScope(conversation, message));
    }

    private Delivery deliverInScope(Conversation conversation, Message message) {
        String to = conversation.channelAddress();
        try {
            WhatsAppAccount account = accounts.require(conversation.tenantId());
            String language = conversation.language() != null ? conversation.language() : account.defaultLanguage();
            List<OutgoingMessage> parts = composer.compose(message, language);
            if (parts.stream().anyMatch(OutgoingMessage::needsOpenWindow)) {
                Optional<Instant> last = windows.lastInbound(to);
                if (!CustomerWindows.open(last, Instant.now())) {
                    throw new CustomerServiceWindowClosed(to, last.orElse(null));
                }
            }
            String wamid = null;
            for (OutgoingMessage part : parts) {
                wamid = sender.send(account, to, part, CallbackData.forMessage(message.id()));
            }
            return Delivery.sent(wamid);
        } catch (CustomerServiceWindowClosed e) {
            return refused(message, CustomerServiceWindowClosed.CODE, "Customer service window closed", null,
                    e.getMessage());
        } catch (WhatsAppNotConfigured e) {
            return refused(message, "whatsapp_not_configured", "WhatsApp not configured", null, e.getMessage());
        } catch (WhatsAppRefusedMessage e) {
            return refused(message, e.code(), e.title(), e.details(), e.getMessage());
        }
    }

    /**
     * Records the structured error (code, title, details) first; the conversation module then records the same
     * failure, which cannot replace it.
     */
    private Delivery refused(Message message, Object code, String title, String details, String summary) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        if (code instanceof Integer number) {
            error.put("code", number);
        } else {
            error.put("code", String.valueOf(code));
        }
        error.put("title", title).put("message", summary);
        if (details != null) {
            error.put("details", details);
        }
        messages.recordDelivery(message.id(), null, "failed", error);
        log.warn("WhatsApp message {} not delivered: {}", message.id(), summary);
        return Delivery.failed(summary);
    }
}
