package dev.switchboard.webchat.socket;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationChanged;
import dev.switchboard.conversation.ConversationClosed;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.webchat.cluster.Fanout;
import dev.switchboard.webchat.store.OwnReadTransactions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open widgets what happened to their conversation once it is committed: it ended (the widget asks for
 * a rating), a human took it or gave it back, it was rated (other tabs hide their rating prompt). Asynchronous,
 * so the committing thread never waits here while still holding its transaction's connection.
 */
@Component
class ConversationNotices {

    private static final Set<String> OWNERSHIP = Set.of("handoff_requested", "taken", "reassigned", "returned_to_ai");

    private final Conversations conversations;
    private final LocalDelivery local;
    private final Frames frames;
    private final Drafts drafts;
    private final OwnReadTransactions reads;
    private final Fanout fanout;

    ConversationNotices(Conversations conversations, LocalDelivery local, Frames frames, Drafts drafts,
                        OwnReadTransactions reads, Fanout fanout) {
        this.reads = reads;
        this.fanout = fanout;
        this.conversations = conversations;
        this.local = local;
        this.frames = frames;
        this.drafts = drafts;
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void closed(ConversationClosed event) {
        if (event.channel() != Channel.WEBCHAT) {
            return;
        }
        drafts.discard(event.conversationId());
        webchat(event.tenantId(), event.conversationId()).ifPresent(c -> tell(c, frames.closed(c.id(), event.reason())));
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(ConversationChanged event) {
        if (OWNERSHIP.contains(event.change())) {
            webchat(event.tenantId(), event.conversationId()).ifPresent(c -> tell(c, frames.status(c)));
        } else if ("rated".equals(event.change())) {
            webchat(event.tenantId(), event.conversationId()).filter(c -> c.csat() != null)
                    .ifPresent(c -> tell(c, frames.rated(c.id(), c.csat())));
        }
    }

    private void tell(Conversation conversation, String frame) {
        local.about(conversation.tenantId(), conversation.channelAddress(), conversation.id(), frame);
        fanout.notice(conversation.tenantId(), conversation.channelAddress(), conversation.id(), frame);
    }

    private Optional<Conversation> webchat(UUID tenantId, UUID conversationId) {
        return reads.read(tenantId, () -> conversations.find(conversationId))
                .filter(c -> c.channel() == Channel.WEBCHAT);
    }
}
