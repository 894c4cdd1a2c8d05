package dev.switchboard.conversation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelSender;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationStatus;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.Outbound;
import dev.switchboard.conversation.Owner;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A streamed reply picks its channel's sender once, when it opens, and costs no lookup per fragment. */
class ChannelDeliveryStreamTest {

    private final AtomicInteger storeCalls = new AtomicInteger();
    private final List<String> streamed = new ArrayList<>();

    @Test
    void everyFragmentGoesToTheSenderChosenWhenTheStreamOpenedWithoutTouchingTheStore() {
        ChannelDelivery delivery = new ChannelDelivery(List.of(sender(Channel.WEBCHAT), sender(Channel.WHATSAPP)),
                counting(Conversations.class), counting(Messages.class), null, null);
        Conversation conversation = conversation(Channel.WEBCHAT);
        UUID turn = UUID.randomUUID();

        Outbound.ReplyStream stream = delivery.openStream(conversation, turn);
        for (int i = 0; i < 100; i++) {
            stream.delta("w" + i + " ");
        }

        assertThat(streamed).hasSize(100).allMatch(s -> s.startsWith("webchat|" + conversation.id() + "|" + turn + "|"));
        assertThat(streamed.getLast()).endsWith("|w99 ");
        assertThat(storeCalls).hasValue(0);
    }

    @Test
    void aChannelWithoutASenderStreamsNowhere() {
        ChannelDelivery delivery = new ChannelDelivery(List.of(sender(Channel.WEBCHAT)), counting(Conversations.class),
                counting(Messages.class), null, null);

        delivery.openStream(conversation(Channel.VOICE), UUID.randomUUID()).delta("hello");

        assertThat(streamed).isEmpty();
        assertThat(storeCalls).hasValue(0);
    }

    private ChannelSender sender(Channel channel) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public Delivery deliver(Conversation conversation, Message message) {
                throw new AssertionError("nothing is delivered here");
            }

            @Override
            public void stream(Conversation conversation, UUID turnId, String delta) {
                streamed.add(channel.wireName() + "|" + conversation.id() + "|" + turnId + "|" + delta);
            }
        };
    }

    /** A store whose every call is counted (and answers nothing). */
    private <T> T counting(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : null;
            }
            storeCalls.incrementAndGet();
            return null;
        }));
    }

    private static Conversation conversation(Channel channel) {
        return new Conversation(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), channel, "visitor-1",
                ConversationStatus.ACTIVE, Owner.AI, null, null, null, "en", Instant.now(), Instant.now(), null, null, null);
    }
}
