package dev.switchboard.conversation.router;

import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Contact;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.InboundMessage;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantConfiguration;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routes in one transaction: a failure anywhere leaves nothing half-written, and the event that wakes the
 * owner is only published (through the outbox) when the message is really stored.
 */
@Service
class SessionRouter implements ChannelRouter {

    private final Contacts contacts;
    private final Conversations conversations;
    private final Messages messages;
    private final TenantConfiguration configuration;
    private final TransactionTemplate tx;

    SessionRouter(Contacts contacts, Conversations conversations, Messages messages,
                  TenantConfiguration configuration, TransactionTemplate tx) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
        this.configuration = configuration;
        this.tx = tx;
    }

    @Override
    public Routed route(InboundMessage inbound) {
        Duration sessionExpiry = Duration.ofMinutes(configuration.effective(TenantScope.requireTenant())
                .integer("agent.sessionExpiryMinutes", 30));
        return tx.execute(status -> {
            // A redelivery is recognised before anything is looked up or opened: otherwise a redelivery that
            // arrives after its conversation closed would open (then roll back) a conversation of its own.
            Optional<Routed> seen = seenBefore(inbound);
            if (seen.isPresent()) {
                return seen.get();
            }
            Contact contact = contacts.contactFor(inbound.channel(), inbound.address(), inbound.displayName());
            var opened = conversations.openFor(contact, inbound.channel(), inbound.address(), sessionExpiry);
            NewMessage message = new NewMessage(MessageRole.CUSTOMER, inbound.content().kind(), inbound.content().text(),
                    inbound.content().content(), null, inbound.providerMessageId(), null);
            return messages.appendInbound(opened.conversation().id(), message)
                    .map(stored -> new Routed(conversations.get(opened.conversation().id()), stored, false))
                    .orElseGet(() -> {
                        // A concurrent delivery of the same message won the race and has committed by now.
                        status.setRollbackOnly();
                        return seenBefore(inbound).orElseThrow();
                    });
        });
    }

    private Optional<Routed> seenBefore(InboundMessage inbound) {
        if (inbound.providerMessageId() == null) {
            return Optional.empty();
        }
        return messages.findInbound(inbound.channel(), inbound.providerMessageId())
                .map(original -> new Routed(conversations.get(original.conversationId()), original, true));
    }
}
