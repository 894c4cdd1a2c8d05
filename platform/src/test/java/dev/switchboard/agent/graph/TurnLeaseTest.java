package dev.switchboard.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.agent.AgentConversations;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Messages;
import dev.switchboard.shared.TenantScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The heartbeat that keeps a node's turns alive: it extends their leases, and it never waits for a turn that is
 * writing at that moment (that turn is alive, and the next heartbeat renews it).
 */
@PlatformTest
class TurnLeaseTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);
    private static final String NODE = "lease-test-node";

    private final AgentConversations chat;
    /** Own threads: the common pool may have a single one, which the blocked writer would hold. */
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @Autowired Turns turns;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Autowired
    TurnLeaseTest(Contacts contacts, Conversations conversations, Messages messages) {
        this.chat = new AgentConversations(contacts, conversations, messages);
    }

    @Test
    void aRenewalExtendsTheLeasesAndSkipsATurnLockedByItsOwnWriteWithoutWaitingForIt() throws Exception {
        UUID quiet = runningTurn();
        UUID busy = runningTurn();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> TenantScope.run(ACME, () -> tx.executeWithoutResult(s -> {
            jdbc.sql("update agent_turns set steps = steps + 1 where id = :id").param("id", busy).update();
            locked.countDown();
            await(release);
        })), threads);
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Instant before = Instant.now();

            CompletableFuture<Void> renewal = CompletableFuture.runAsync(() ->
                    TenantScope.run(ACME, () -> turns.renew(List.of(quiet, busy), NODE, Duration.ofMinutes(10))), threads);
            renewal.get(5, TimeUnit.SECONDS);

            assertThat(leaseOf(quiet)).as("renewed").isAfter(before.plus(Duration.ofMinutes(9)));
            assertThat(leaseOf(busy)).as("skipped while its turn writes").isBefore(before.plus(Duration.ofMinutes(2)));
        } finally {
            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
        }
        TenantScope.run(ACME, () -> turns.renew(List.of(busy), NODE, Duration.ofMinutes(10)));
        assertThat(leaseOf(busy)).as("renewed by the next heartbeat").isAfter(Instant.now().plus(Duration.ofMinutes(9)));
    }

    private UUID runningTurn() {
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        UUID id = UUID.randomUUID();
        TenantScope.run(ACME, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into agent_turns (tenant_id, id, conversation_id, last_seq, lease_owner, lease_until)
                values (:tenant, :id, :conversation, 0, :owner, now() + interval '1 minute')""")
                .param("tenant", ACME).param("id", id).param("conversation", conversation).param("owner", NODE).update()));
        return id;
    }

    private Instant leaseOf(UUID turn) {
        return TenantScope.call(ACME, () -> tx.execute(s -> jdbc.sql("select lease_until from agent_turns where id = :id")
                .param("id", turn).query(java.sql.Timestamp.class).single().toInstant()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
