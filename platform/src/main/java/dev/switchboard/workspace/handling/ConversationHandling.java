package dev.switchboard.workspace.handling;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationStatus;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Outbound;
import dev.switchboard.identity.Members;
import dev.switchboard.shared.Conflict;
import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.workspace.inbox.Person;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * The workspace's actions, on top of the conversation module's compare-and-set state changes. Losing a race
 * becomes a {@link ConversationHeld} that names the winner. An agent acts on conversations nobody holds or
 * that they hold; supervisors (admins, owners) also on everyone else's.
 */
@Service
public class ConversationHandling {

    public static final int MAX_TEXT = 4000;

    private final Conversations conversations;
    private final Messages messages;
    private final Outbound outbound;
    private final Members members;

    ConversationHandling(Conversations conversations, Messages messages, Outbound outbound, Members members) {
        this.conversations = conversations;
        this.messages = messages;
        this.outbound = outbound;
        this.members = members;
    }

    public Conversation take(UUID conversationId, UUID actor) {
        if (conversations.get(conversationId).closed()) {
            throw closed();
        }
        return orHolder(conversationId, actor, () -> conversations.take(conversationId, actor));
    }

    public Conversation reassign(UUID conversationId, UUID actor, boolean supervisor, UUID to) {
        Conversation current = mayAct(conversationId, actor, supervisor);
        if (to == null || members.find(TenantScope.requireTenant(), to).filter(m -> !m.disabled()).isEmpty()) {
            throw InvalidRequest.field("assigneeId", "is not an active member of this tenant");
        }
        return orHolder(conversationId, actor, () -> conversations.reassign(conversationId, current.assigneeId(), to));
    }

    public Conversation returnToAi(UUID conversationId, UUID actor, boolean supervisor) {
        mayAct(conversationId, actor, supervisor);
        return orHolder(conversationId, actor, () -> conversations.returnToAi(conversationId));
    }

    public Conversation close(UUID conversationId, UUID actor, boolean supervisor, String reason) {
        mayAct(conversationId, actor, supervisor);
        String why = reason == null || reason.isBlank() ? "closed_by_agent" : reason.strip();
        if (why.length() > 200) {
            throw InvalidRequest.field("reason", "must be at most 200 characters");
        }
        return orHolder(conversationId, actor, () -> conversations.close(conversationId, why));
    }

    /** A reply to the customer, through the conversation's channel; only its holder may send one. */
    public Message reply(UUID conversationId, UUID actor, String text) {
        String body = checked(text);
        Conversation c = conversations.get(conversationId);
        if (c.closed()) {
            throw closed();
        }
        if (c.assigneeId() != null && !c.assigneeId().equals(actor)) {
            throw held(c);
        }
        if (c.status() != ConversationStatus.HUMAN) {
            throw new Conflict("not_holder", "take over the conversation before replying");
        }
        return outbound.send(conversationId,
                new NewMessage(MessageRole.HUMAN, "text", body, null, actor, null, null));
    }

    /** A private note for the other agents; never delivered to the customer. */
    public Message note(UUID conversationId, UUID actor, String text) {
        String body = checked(text);
        conversations.get(conversationId);
        return messages.append(conversationId, new NewMessage(MessageRole.NOTE, "text", body, null, actor, null, null));
    }

    private Conversation mayAct(UUID conversationId, UUID actor, boolean supervisor) {
        Conversation c = conversations.get(conversationId);
        if (c.closed()) {
            throw closed();
        }
        if (!supervisor && c.assigneeId() != null && !c.assigneeId().equals(actor)) {
            throw held(c);
        }
        return c;
    }

    /** Runs a state change; when it loses a race to another agent, says who won. */
    private Conversation orHolder(UUID conversationId, UUID actor, Supplier<Conversation> change) {
        try {
            return change.get();
        } catch (Conflict lost) {
            Conversation now = conversations.get(conversationId);
            if (now.assigneeId() != null && !now.assigneeId().equals(actor)) {
                throw held(now);
            }
            throw lost;
        }
    }

    private ConversationHeld held(Conversation c) {
        String name = members.find(c.tenantId(), c.assigneeId()).map(m -> m.displayName()).orElse(null);
        return new ConversationHeld(new Person(c.assigneeId(), name), c.status() == ConversationStatus.PENDING);
    }

    private static Conflict closed() {
        return new Conflict("conversation_closed", "the conversation is closed");
    }

    private static String checked(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidRequest.field("text", "must not be empty");
        }
        if (text.length() > MAX_TEXT) {
            throw InvalidRequest.field("text", "must be at most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }
}
