package dev.switchboard.conversation.router;

import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.CommittedEvents;
import dev.switchboard.conversation.ConversationClosed;
import dev.switchboard.conversation.ConversationOpened;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.InboundContent;
import dev.switchboard.conversation.InboundMessage;
import dev.switchboard.conversation.MessageAppended;
import dev.switchboard.conversation.MessageReceived;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Owner;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.shared.db.OwnerDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The channel router's promises: a provider message id is processed once (also when three deliveries race),
 * a closed or expired conversation is followed by a new one, and each stored message wakes its owner.
 */
@PlatformTest
class SessionRouterTest {

    private static final UUID TENANT = tenantId(ACME);

    @Autowired
    ChannelRouter router;
    @Autowired
    Conversations conversations;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    ConfigurableApplicationContext context;

    private CommittedEvents events;
    private final String visitor = "test-visitor-" + UUID.randomUUID();

    @BeforeEach
    void record() {
        events = CommittedEvents.attach(context);
    }

    @AfterEach
    void stop() {
        events.close();
    }

    @Test
    void aDuplicateProviderMessageIdChangesNothing() {
        var first = route("wamid-1", "hello");
        int messagesBefore = customerMessageCount();

        var again = route("wamid-1", "hello (redelivered)");

        assertThat(again.duplicate()).isTrue();
        assertThat(again.message().id()).isEqualTo(first.message().id());
        assertThat(again.message().text()).isEqualTo("hello");
        assertThat(again.conversation().id()).isEqualTo(first.conversation().id());
        assertThat(customerMessageCount()).isEqualTo(messagesBefore);
        assertThat(events.of(MessageReceived.class, e -> e.conversationId().equals(first.conversation().id())))
                .hasSize(1);
    }

    @Test
    void threeConcurrentDeliveriesStoreOneMessageAndWakeTheOwnerOnce() throws Exception {
        List<ChannelRouter.Routed> outcomes = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ChannelRouter.Routed>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return route("wamid-race", "only once");
                }));
            }
            start.countDown();
            for (Future<ChannelRouter.Routed> f : futures) {
                outcomes.add(f.get());
            }
        }

        assertThat(outcomes).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(outcomes).extracting(r -> r.message().id()).containsOnly(outcomes.getFirst().message().id());
        assertThat(outcomes).extracting(r -> r.conversation().id()).containsOnly(outcomes.getFirst().conversation().id());
        assertThat(owner.jdbc().sql("select count(*) from messages where tenant_id = :t and provider_message_id = :p")
                .param("t", TENANT).param("p", providerId("wamid-race")).query(Integer.class).single()).isEqualTo(1);
        assertThat(owner.jdbc().sql("select count(*) from contact_channels where tenant_id = :t and address = :a")
                .param("t", TENANT).param("a", visitor).query(Integer.class).single()).isEqualTo(1);
        assertThat(events.of(MessageReceived.class, e -> e.conversationId().equals(outcomes.getFirst().conversation().id())))
                .hasSize(1);
        assertThat(events.of(ConversationOpened.class, e -> e.conversationId().equals(outcomes.getFirst().conversation().id())))
                .hasSize(1);
    }

    @Test
    void aMessageAfterTheConversationClosedOpensANewOne() {
        var first = route("m-1", "first");
        TenantScope.run(TENANT, () -> conversations.close(first.conversation().id(), "resolved"));

        var next = route("m-2", "back again");

        assertThat(next.conversation().id()).isNotEqualTo(first.conversation().id());
        assertThat(next.conversation().contactId()).isEqualTo(first.conversation().contactId());
        assertThat(next.message().seq()).isEqualTo(1);
        assertThat(events.of(ConversationOpened.class, e -> e.contactId().equals(first.conversation().contactId())))
                .hasSize(2);
    }

    @Test
    void aMessageAfterTheSessionExpiredClosesTheOldConversationAndOpensANewOne() {
        var first = route("m-1", "first");
        awaitAgentQuiet(first.conversation().id());
        owner.jdbc().sql("update conversations set last_message_at = now() - interval '31 minutes' where id = :id")
                .param("id", first.conversation().id()).update();

        var next = route("m-2", "later");

        assertThat(next.conversation().id()).isNotEqualTo(first.conversation().id());
        var old = TenantScope.call(TENANT, () -> conversations.get(first.conversation().id()));
        assertThat(old.closed()).isTrue();
        assertThat(old.closeReason()).isEqualTo("session_expired");
        assertThat(events.of(ConversationClosed.class, e -> e.conversationId().equals(first.conversation().id())))
                .singleElement().extracting(ConversationClosed::reason).isEqualTo("session_expired");
    }

    @Test
    void aRedeliveryAfterItsConversationClosedOpensNothing() {
        var first = route("m-late", "hello");
        TenantScope.run(TENANT, () -> conversations.close(first.conversation().id(), "resolved"));

        var again = route("m-late", "hello");

        assertThat(again.duplicate()).isTrue();
        assertThat(again.conversation().id()).isEqualTo(first.conversation().id());
        assertThat(owner.jdbc().sql("""
                        select count(*) from conversations c join contact_channels cc
                          on cc.tenant_id = c.tenant_id and cc.contact_id = c.contact_id
                         where c.tenant_id = :t and cc.address = :a""")
                .param("t", TENANT).param("a", visitor).query(Integer.class).single()).isEqualTo(1);
        assertThat(events.of(ConversationOpened.class, e -> e.contactId().equals(first.conversation().contactId())))
                .hasSize(1);
    }

    @Test
    void storingAMessagePublishesWhatHappenedInOrder() {
        var first = route("m-1", "hello");
        var second = route("m-2", "anyone there?");
        UUID id = first.conversation().id();

        assertThat(events.of(ConversationOpened.class, e -> e.conversationId().equals(id))).singleElement()
                .satisfies(e -> {
                    assertThat(e.tenantId()).isEqualTo(TENANT);
                    assertThat(e.channel()).isEqualTo(Channel.WEBCHAT);
                });
        assertThat(events.of(MessageAppended.class, e -> e.conversationId().equals(id) && e.role() == MessageRole.CUSTOMER))
                .extracting(MessageAppended::seq).containsExactly(first.message().seq(), second.message().seq());
        assertThat(events.of(MessageReceived.class, e -> e.conversationId().equals(id)))
                .extracting(MessageReceived::messageId, MessageReceived::owner)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.message().id(), Owner.AI),
                        org.assertj.core.groups.Tuple.tuple(second.message().id(), Owner.AI));
    }

    private ChannelRouter.Routed route(String providerId, String text) {
        InboundMessage message = new InboundMessage(Channel.WEBCHAT, visitor, "Visitor", providerId(providerId),
                Instant.now(), new InboundContent.Text(text));
        return TenantScope.call(TENANT, () -> router.route(message));
    }

    private String providerId(String id) {
        return visitor + ":" + id;
    }

    private int customerMessageCount() {
        return owner.jdbc().sql("select count(*) from messages where tenant_id = :t and role = 'customer'")
                .param("t", TENANT).query(Integer.class).single();
    }

    /** The demo tenant's agent answers each message; waits until it has, so it cannot touch what a test set up. */
    private void awaitAgentQuiet(UUID conversation) {
        String previous = "";
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            String now = owner.jdbc().sql("select count(*) || '/' || max(updated_at) from messages where conversation_id = :c")
                    .param("c", conversation).query(String.class).single();
            if (!now.equals(previous)) {
                previous = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofMillis(700).toNanos() && !now.startsWith("1/")) {
                return;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
