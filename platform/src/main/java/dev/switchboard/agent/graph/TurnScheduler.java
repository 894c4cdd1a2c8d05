package dev.switchboard.agent.graph;

import dev.switchboard.agent.AgentTurns;
import dev.switchboard.agent.TurnHandle;
import dev.switchboard.agent.TurnListener;
import dev.switchboard.agent.TurnOutcome;
import dev.switchboard.agent.config.AgentProperties;
import dev.switchboard.agent.llm.Cancellation;
import dev.switchboard.conversation.MessageReceived;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Owner;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.Tenants;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts turns: when a customer message for the AI is stored, when a voice caller asks for one, and when a sweep
 * finds a turn whose node died (its lease ran out) or a message nobody answered. A conversation's turns run one
 * after another: claiming a turn is an insert that at most one node wins, and each turn, once finished, claims the
 * next one for whatever arrived meanwhile.
 */
@Service
class TurnScheduler implements AgentTurns {

    private static final Logger log = LoggerFactory.getLogger(TurnScheduler.class);

    private final Turns turns;
    private final TurnRunner runner;
    private final Messages messages;
    private final Tenants tenants;
    private final AgentProperties properties;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("agent-turn-", 0).factory());
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final Map<UUID, Waiter> waiters = new ConcurrentHashMap<>();

    private record Running(UUID tenantId, UUID conversationId, Cancellation cancellation) {
    }

    private record Waiter(TurnListener listener, CompletableFuture<TurnOutcome> outcome, Cancellation cancellation) {
    }

    TurnScheduler(Turns turns, TurnRunner runner, Messages messages, Tenants tenants, AgentProperties properties) {
        this.turns = turns;
        this.runner = runner;
        this.messages = messages;
        this.tenants = tenants;
        this.properties = properties;
    }

    /**
     * Schedules once the message is committed, on a virtual thread, without the event publication registry: its
     * three extra statements and two transactions per message bought nothing here, because the sweep already
     * answers a committed message whose scheduling was lost (a node that died in between). Deliberately without a
     * listener transaction: the claim opens its own inside the tenant's scope, and a transaction held around it
     * made every listener wait for a second connection while holding one (a burst of messages froze the platform).
     */
    @EventListener
    void on(MessageReceived event) {
        if (event.owner() != Owner.AI || waiters.containsKey(event.conversationId())) {
            // A caller's words stored by stream(), which claims the turn itself right after: a second claim from
            // here raced it on the running-turn index and one waited for the other's commit (a voice turn's
            // message -> claim was 5 ms p50, 18 ms p90).
            return;
        }
        Runnable start = () -> executor.submit(() -> TenantScope.run(event.tenantId(), () -> schedule(event.conversationId())));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start.run();
                }
            });
        } else {
            start.run();
        }
    }

    @Override
    public TurnHandle stream(UUID conversationId, String userText, TurnListener listener) {
        Waiter waiter = new Waiter(listener, new CompletableFuture<>(), new Cancellation());
        waiters.put(conversationId, waiter);
        messages.append(conversationId, NewMessage.text(MessageRole.CUSTOMER, userText));
        schedule(conversationId);
        return new TurnHandle() {
            @Override
            public UUID turnId() {
                return turns.running(conversationId).map(TurnRow::id).orElse(null);
            }

            @Override
            public void cancel() {
                waiter.cancellation().cancel();
            }

            @Override
            public CompletableFuture<TurnOutcome> completion() {
                return waiter.outcome();
            }
        };
    }

    /** Claims a turn for the conversation if it has unanswered messages and none runs, and runs it. */
    void schedule(UUID conversationId) {
        UUID tenant = TenantScope.requireTenant();
        Optional<TurnRow> claimed = turns.claim(conversationId, node, properties.turnLease());
        claimed.ifPresent(turn -> submit(tenant, turn));
    }

    private void submit(UUID tenantId, TurnRow turn) {
        executor.submit(() -> TenantScope.run(tenantId, () -> runChain(turn)));
    }

    /** Runs the turn, then the next one if messages arrived meanwhile. */
    private void runChain(TurnRow first) {
        TurnRow turn = first;
        while (turn != null) {
            Waiter waiter = waiters.remove(turn.conversationId());
            Cancellation cancellation = waiter != null ? waiter.cancellation() : new Cancellation();
            running.put(turn.id(), new Running(turn.tenantId(), turn.conversationId(), cancellation));
            TurnOutcome outcome = null;
            try {
                outcome = runner.run(turn, waiter != null ? waiter.listener() : TurnListener.NONE, cancellation);
            } catch (RuntimeException e) {
                log.error("turn {} of conversation {} failed; it resumes when its lease runs out", turn.id(),
                        turn.conversationId(), e);
            } finally {
                running.remove(turn.id());
                if (waiter != null) {
                    waiter.outcome().complete(outcome);
                }
            }
            if (outcome == null) {
                return;
            }
            turn = turns.claim(turn.conversationId(), node, properties.turnLease()).orElse(null);
        }
    }

    /** Keeps this node's leases alive while its turns run (a long model call must not look like a dead node). */
    @Scheduled(fixedDelayString = "${switchboard.agent.heartbeat:PT15S}")
    void heartbeat() {
        Map<UUID, java.util.List<UUID>> byTenant = new java.util.HashMap<>();
        running.forEach((id, r) -> byTenant.computeIfAbsent(r.tenantId(), t -> new java.util.ArrayList<>()).add(id));
        byTenant.forEach((tenant, ids) -> TenantScope.run(tenant, () -> turns.renew(ids, node, properties.turnLease())));
    }

    /** Resumes turns of dead nodes and answers messages that no turn took (on start-up and periodically). */
    @Scheduled(initialDelayString = "${switchboard.agent.first-sweep:PT5S}",
            fixedDelayString = "${switchboard.agent.sweep-interval:PT30S}")
    void sweep() {
        for (var tenant : tenants.all()) {
            TenantScope.run(tenant.id(), () -> {
                try {
                    turns.takeOverExpired(node, properties.turnLease(), 20).forEach(t -> submit(tenant.id(), t));
                    turns.unanswered(20).forEach(this::schedule);
                } catch (RuntimeException e) {
                    log.warn("agent sweep of tenant {} failed: {}", tenant.slug(), e.getMessage());
                }
            });
        }
    }
}
