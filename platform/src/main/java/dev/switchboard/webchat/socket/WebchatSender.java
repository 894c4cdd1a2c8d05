package dev.switchboard.webchat.socket;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelSender;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Delivers committed replies and streamed text to the visitor's open sockets. A visitor with no socket open
 * loses nothing: the message is stored, and the widget's next hello reads it by seq.
 */
@Component
class WebchatSender implements ChannelSender {

    private final LocalDelivery local;
    private final Drafts drafts;

    WebchatSender(LocalDelivery local, Drafts drafts) {
        this.local = local;
        this.drafts = drafts;
    }

    @Override
    public Channel channel() {
        return Channel.WEBCHAT;
    }

    @Override
    public Delivery deliver(Conversation conversation, Message message) {
        if (message.role() == MessageRole.AI && message.turnId() != null) {
            drafts.committed(conversation.id(), message.turnId());
        }
        boolean shown = local.message(conversation.tenantId(), conversation.channelAddress(), message);
        return shown ? Delivery.delivered() : Delivery.sent(null);
    }

    @Override
    public void stream(Conversation conversation, UUID turnId, String delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        int offset = drafts.append(conversation.id(), turnId, delta);
        local.delta(conversation.tenantId(), conversation.channelAddress(), conversation.id(), turnId, offset, delta);
    }
}
