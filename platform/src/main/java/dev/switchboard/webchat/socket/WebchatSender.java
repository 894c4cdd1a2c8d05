package dev.switchboard.webchat.socket;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelSender;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.webchat.cluster.Fanout;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Delivers committed replies and streamed text to the visitor's open sockets, here and (through the fan-out)
 * on other nodes. A visitor with no socket open loses nothing: the message is stored, and the widget's next
 * hello reads it by seq.
 */
@Component
class WebchatSender implements ChannelSender {

    private final LocalDelivery local;
    private final Drafts drafts;
    private final Fanout fanout;

    WebchatSender(LocalDelivery local, Drafts drafts, Fanout fanout) {
        this.local = local;
        this.drafts = drafts;
        this.fanout = fanout;
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
        fanout.message(conversation.tenantId(), conversation.channelAddress(), conversation.id(), message.seq());
        return shown ? Delivery.delivered() : Delivery.sent(null);
    }

    @Override
    public void stream(Conversation conversation, UUID turnId, String delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        int offset = drafts.append(conversation.id(), turnId, delta);
        // A turn usually runs on the node that took the visitor's message over their socket: deltas cross to
        // other nodes only when no socket of the visitor is here, sparing a notification per token.
        if (!local.delta(conversation.tenantId(), conversation.channelAddress(), conversation.id(), turnId, offset, delta)) {
            fanout.delta(conversation.tenantId(), conversation.channelAddress(), conversation.id(), turnId, offset, delta);
        }
    }
}
