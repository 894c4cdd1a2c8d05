package dev.switchboard.workspace.assignment;

import dev.switchboard.conversation.ConversationChanged;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.HandoffRequested;
import dev.switchboard.identity.Member;
import dev.switchboard.identity.Members;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantConfiguration;
import dev.switchboard.workspace.AgentStatus;
import dev.switchboard.workspace.Presence;
import dev.switchboard.workspace.presence.PresenceChanged;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers the queue to online agents whenever that can change something: a handoff arrives, an agent comes
 * online, or an agent's conversation is closed or returned to the AI. An offer leaves the conversation pending
 * with its assignee until they take it. One tenant's assignments run one at a time (an advisory lock), so two
 * nodes never push the same agent over capacity.
 */
@Component
class AutoAssignment {

    private static final Set<String> RELEASES = Set.of("closed", "returned_to_ai", "reassigned");
    private static final int BATCH = 50;

    private final Conversations conversations;
    private final Members members;
    private final Presence presence;
    private final AgentLoads loads;
    private final TenantConfiguration configuration;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    AutoAssignment(Conversations conversations, Members members, Presence presence, AgentLoads loads,
                   TenantConfiguration configuration, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.conversations = conversations;
        this.members = members;
        this.presence = presence;
        this.loads = loads;
        this.configuration = configuration;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(HandoffRequested event) {
        assignWaiting(event.tenantId());
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(ConversationChanged event) {
        if (RELEASES.contains(event.change())) {
            assignWaiting(event.tenantId());
        }
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(PresenceChanged event) {
        if (event.status() == AgentStatus.ONLINE) {
            assignWaiting(event.tenantId());
        }
    }

    /** Offers waiting conversations, oldest first, until none waits or every online agent is at capacity. */
    void assignWaiting(UUID tenantId) {
        AssignmentSettings.Values settings = AssignmentSettings.Values.of(configuration.effective(tenantId));
        if (!settings.autoAssign()) {
            return;
        }
        TenantScope.run(tenantId, () -> tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 17))").param("key", "assign|" + tenantId)
                    .query((rs, n) -> 1).single();
            // Locked rows are being changed by someone right now; they are skipped, not waited for.
            List<UUID> waiting = jdbc.sql("""
                    select id from conversations where status = 'pending' and assignee_id is null
                     order by last_message_at limit :batch for update skip locked""")
                    .param("batch", BATCH).query(UUID.class).list();
            if (waiting.isEmpty()) {
                return;
            }
            Map<UUID, AgentStatus> statuses = presence.statuses(tenantId);
            List<UUID> online = members.of(tenantId).stream().filter(m -> !m.disabled())
                    .map(Member::userId).filter(id -> statuses.get(id) == AgentStatus.ONLINE).toList();
            AgentPicker picker = new AgentPicker(online, loads.openConversations(), loads.lastAssigned(),
                    settings.capacity());
            for (UUID conversation : waiting) {
                Optional<UUID> agent = picker.next(clock.instant());
                if (agent.isEmpty()) {
                    return;
                }
                conversations.assign(conversation, agent.get());
            }
        }));
    }
}
