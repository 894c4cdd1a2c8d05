package dev.switchboard.workspace.assignment;

import dev.switchboard.conversation.ConversationChanged;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.HandoffRequested;
import dev.switchboard.identity.Member;
import dev.switchboard.identity.Members;
import dev.switchboard.shared.Conflict;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantConfiguration;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.workspace.AgentStatus;
import dev.switchboard.workspace.Presence;
import dev.switchboard.workspace.presence.PresenceChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers the queue to online agents whenever that can change something: a handoff arrives, an agent comes
 * online, or an agent's conversation is closed or returned to the AI. An offer leaves the conversation pending
 * with its assignee until they take it; an offer to an agent who stays offline goes back to the queue. One tenant's assignments run one at a time (an advisory lock), so two
 * nodes never push the same agent over capacity.
 */
@Component
class AutoAssignment {

    private static final Set<String> RELEASES = Set.of("closed", "returned_to_ai", "reassigned");
    private static final int BATCH = 50;
    /** How long an offer waits for an agent who went offline (a reload or a short network cut) before moving on. */
    static final Duration OFFLINE_GRACE = Duration.ofMinutes(1);

    private final Tenants tenants;
    private final Conversations conversations;
    private final Members members;
    private final Presence presence;
    private final AgentLoads loads;
    private final TenantConfiguration configuration;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<Offer, Instant> offlineSince = new ConcurrentHashMap<>();

    AutoAssignment(Tenants tenants, Conversations conversations, Members members, Presence presence, AgentLoads loads,
                   TenantConfiguration configuration, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.tenants = tenants;
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

    /**
     * Offers made to agents who stay offline go back to the queue, and on to someone online. "Stay": this node
     * saw them offline {@link #OFFLINE_GRACE} ago already, so a reload or a short network cut costs nothing.
     * Then whatever waits is offered again.
     */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void reofferStranded() {
        tenants.all().forEach(tenant -> reofferStranded(tenant.id(), OFFLINE_GRACE));
    }

    void reofferStranded(UUID tenantId, Duration grace) {
        if (!AssignmentSettings.Values.of(configuration.effective(tenantId)).autoAssign()) {
            return;
        }
        Map<UUID, AgentStatus> statuses = presence.statuses(tenantId);
        List<Offer> offers = TenantScope.call(tenantId, () -> tx.execute(status -> jdbc.sql(
                        "select id, assignee_id from conversations where status = 'pending' and assignee_id is not null")
                .query((rs, n) -> new Offer(tenantId, rs.getObject("id", UUID.class), rs.getObject("assignee_id", UUID.class)))
                .list()));
        offlineSince.keySet().removeIf(o -> o.tenant().equals(tenantId) && !offers.contains(o));
        Instant now = clock.instant();
        for (Offer offer : offers) {
            if (statuses.containsKey(offer.agent())) {
                offlineSince.remove(offer);
            } else if (!offlineSince.computeIfAbsent(offer, o -> now).plus(grace).isAfter(now)) {
                offlineSince.remove(offer);
                withdraw(offer);
            }
        }
        // Also the safety net for a trigger that never came (a node stopped between a commit and its listener).
        assignWaiting(tenantId);
    }

    private void withdraw(Offer offer) {
        try {
            TenantScope.run(offer.tenant(), () -> conversations.unassign(offer.conversation(), offer.agent(), "agent_offline"));
        } catch (Conflict takenMeanwhile) {
            // the agent took it after all, or another node withdrew it first
        }
    }

    private record Offer(UUID tenant, UUID conversation, UUID agent) {
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
            // Locked, a waiting conversation cannot be taken or changed under this assignment; a message being
            // appended holds its row only for that short transaction.
            List<UUID> waiting = jdbc.sql("""
                    select id from conversations where status = 'pending' and assignee_id is null
                     order by last_message_at limit :batch for update""")
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
