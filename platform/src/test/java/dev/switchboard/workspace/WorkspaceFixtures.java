package dev.switchboard.workspace;

import dev.switchboard.TenantFixtures;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationStatus;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.InboundContent;
import dev.switchboard.conversation.InboundMessage;
import dev.switchboard.shared.Conflict;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.shared.db.OwnerDatabase;
import java.time.Instant;
import java.util.UUID;

/** Conversations for workspace tests, made the way a channel makes them: through the channel router. */
public final class WorkspaceFixtures {

    private final ChannelRouter router;
    private final Conversations conversations;

    public WorkspaceFixtures(ChannelRouter router, Conversations conversations) {
        this.router = router;
        this.conversations = conversations;
    }

    /** A web chat visitor of {@code slug} writes {@code text}; returns their conversation. */
    public Conversation customerWrites(String slug, String visitorName, String text) {
        String visitor = "visitor-" + UUID.randomUUID();
        return TenantScope.call(TenantFixtures.tenantId(slug), () -> router.route(new InboundMessage(Channel.WEBCHAT,
                visitor, visitorName, "m-" + UUID.randomUUID(), Instant.now(), new InboundContent.Text(text)))
                .conversation());
    }

    /**
     * The AI hands the conversation over, as the agent's handoff step does. The agent answering the customer's
     * message meanwhile may have done so already, which counts too.
     */
    public Conversation handOff(String slug, UUID conversationId) {
        return TenantScope.call(TenantFixtures.tenantId(slug), () -> {
            try {
                return conversations.requestHandoff(conversationId, "customer_asked_for_human");
            } catch (Conflict alreadyHandedOff) {
                Conversation now = conversations.get(conversationId);
                if (now.status() != ConversationStatus.PENDING) {
                    throw alreadyHandedOff;
                }
                return now;
            }
        });
    }

    /**
     * Closes every conversation of {@code slug} still waiting for a human, behind the application's back (as
     * the database owner, so nothing reacts). Tests share one platform: what earlier tests handed off would
     * otherwise be offered to the agents a later test brings online, filling their capacity.
     */
    public static void emptyTheQueue(OwnerDatabase owner, String slug) {
        owner.jdbc().sql("""
                update conversations set status = 'closed', closed_at = now(), close_reason = 'test_cleanup'
                 where tenant_id = :tenant and status = 'pending'""")
                .param("tenant", TenantFixtures.tenantId(slug)).update();
    }

    public Conversation get(String slug, UUID conversationId) {
        return TenantScope.call(TenantFixtures.tenantId(slug), () -> conversations.get(conversationId));
    }
}
