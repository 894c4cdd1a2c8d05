package dev.switchboard.voice.call;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelSender;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Message;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Delivery on the voice channel is the live call: an agent reply was spoken as it streamed (its turn is the
 * call's), so it counts as delivered; anything else (a human's reply from the workspace) is spoken on the call
 * if the call is live on this node, and fails otherwise, since a phone call cannot be written to later.
 */
@Component
class VoiceChannelSender implements ChannelSender {

    /** Looked up on use: the live calls depend on the agent, which delivers through the senders. */
    private final ObjectProvider<LiveCalls> live;

    VoiceChannelSender(ObjectProvider<LiveCalls> live) {
        this.live = live;
    }

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public Delivery deliver(Conversation conversation, Message message) {
        boolean spokenAlready = message.turnId() != null || message.content().path("spokenOnCall").asBoolean(false);
        if (spokenAlready) {
            return Delivery.delivered();
        }
        return live.getObject().forConversation(conversation.id()).map(call -> {
            call.say(message.text());
            return Delivery.delivered();
        }).orElseGet(() -> Delivery.failed("the call has ended"));
    }
}
