package dev.switchboard.conversation.delivery;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelSender;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageSent;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Outbound;
import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.TenantScope;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one place that chooses a channel's sender (no channel switches elsewhere). The message is committed
 * first and delivered afterwards, so a delivery can never refer to a message that a rollback erased; a crash
 * in between leaves it {@code queued}, visible as such.
 *
 * <p>Deliveries run on their own virtual thread, one lane per conversation so replies keep their order. Running
 * them inside {@code afterCommit} would reuse the finished transaction's connection: the tenant setting is gone
 * by then (row-level security shows nothing, so the outcome was silently lost), and the connection stayed
 * checked out for as long as a channel paces or retries its send.
 */
@Service
class ChannelDelivery implements Outbound {

    private static final Logger log = LoggerFactory.getLogger(ChannelDelivery.class);

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Map<UUID, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();
    private final Executor lanesExecutor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("delivery-", 0).factory());
    private final Conversations conversations;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    ChannelDelivery(List<ChannelSender> senders, Conversations conversations, Messages messages,
                    TransactionTemplate tx, ApplicationEventPublisher events) {
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.conversations = conversations;
        this.messages = messages;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public Message send(UUID conversationId, NewMessage message) {
        if (!message.role().deliverable()) {
            throw new InvalidRequest("only AI and human messages are delivered to customers");
        }
        return tx.execute(status -> {
            Message stored = messages.append(conversationId, message);
            Conversation conversation = conversations.get(conversationId);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        enqueue(conversation, stored);
                    }
                });
            }
            return stored;
        });
    }

    @Override
    public ReplyStream openStream(Conversation conversation, UUID turnId) {
        ChannelSender sender = senders.get(conversation.channel());
        return sender == null ? ReplyStream.NONE : delta -> sender.stream(conversation, turnId, delta);
    }

    private void enqueue(Conversation conversation, Message message) {
        lanes.compute(conversation.id(), (id, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.handleAsync((ignored, failure) -> {
                TenantScope.run(conversation.tenantId(), () -> deliver(conversation, message));
                return null;
            }, lanesExecutor);
            next.whenComplete((ignored, failure) -> lanes.remove(id, next));
            return next;
        });
    }

    private void deliver(Conversation conversation, Message message) {
        ChannelSender sender = senders.get(conversation.channel());
        ChannelSender.Delivery outcome;
        if (sender == null) {
            log.warn("no sender for channel {}: message {} stays queued", conversation.channel(), message.id());
            return;
        }
        try {
            outcome = sender.deliver(conversation, message);
        } catch (RuntimeException e) {
            log.warn("delivery of message {} on {} failed: {}", message.id(), conversation.channel(), e.getMessage());
            outcome = ChannelSender.Delivery.failed(e.getMessage());
        }
        ChannelSender.Delivery result = outcome;
        tx.executeWithoutResult(status -> {
            messages.recordDelivery(message.id(), result.providerMessageId(), result.status(),
                    result.error() == null ? null : JsonNodeFactory.instance.objectNode().put("message", result.error()));
            events.publishEvent(new MessageSent(conversation.tenantId(), conversation.id(), message.id(),
                    message.role(), conversation.channel(), result.status()));
        });
    }
}
