package dev.switchboard.agent;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.shared.TenantScope;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Drives conversations of a tenant as a channel would: a customer writes, the agent's reply is awaited. */
public class AgentConversations {

    private final Contacts contacts;
    private final Conversations conversations;
    private final Messages messages;

    public AgentConversations(Contacts contacts, Conversations conversations, Messages messages) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
    }

    public UUID open(UUID tenantId, Channel channel) {
        String address = "visitor-" + UUID.randomUUID();
        return TenantScope.call(tenantId, () -> {
            var contact = contacts.contactFor(channel, address, null);
            return conversations.openFor(contact, channel, address, Duration.ofMinutes(30)).conversation().id();
        });
    }

    /** The customer writes; returns the AI's reply to it (the first AI message after it). */
    public String say(UUID tenantId, UUID conversationId, String text) {
        long seq = TenantScope.call(tenantId, () -> messages.append(conversationId,
                NewMessage.text(MessageRole.CUSTOMER, text)).seq());
        return awaitReply(tenantId, conversationId, seq).text();
    }

    /** The customer writes; returns at once. */
    public long sayAsync(UUID tenantId, UUID conversationId, String text) {
        return TenantScope.call(tenantId, () -> messages.append(conversationId,
                NewMessage.text(MessageRole.CUSTOMER, text)).seq());
    }

    public Message awaitReply(UUID tenantId, UUID conversationId, long afterSeq) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> after = TenantScope.call(tenantId, () -> messages.after(conversationId, afterSeq, 200));
            for (Message m : after) {
                if (m.role() == MessageRole.AI) {
                    return m;
                }
            }
            sleep();
        }
        throw new AssertionError("no reply from the agent within 30 s");
    }

    public List<Message> all(UUID tenantId, UUID conversationId) {
        return TenantScope.call(tenantId, () -> messages.after(conversationId, 0, 1000));
    }

    public Conversation conversation(UUID tenantId, UUID conversationId) {
        return TenantScope.call(tenantId, () -> conversations.get(conversationId));
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
