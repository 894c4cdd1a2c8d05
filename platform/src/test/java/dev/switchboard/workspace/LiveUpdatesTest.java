package dev.switchboard.workspace;

import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static dev.switchboard.TenantFixtures.GLOBEX;
import static dev.switchboard.TenantFixtures.GLOBEX_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.shared.TenantScope;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's live connection: authenticated in-band, authorised per tenant on every subscription, and
 * carrying changes made anywhere (they travel through PostgreSQL NOTIFY) to the connections allowed to see them.
 */
@PlatformTest
class LiveUpdatesTest {

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    ChannelRouter router;
    @Autowired
    Conversations conversations;
    @Autowired
    Messages messages;
    @Autowired
    dev.switchboard.shared.db.OwnerDatabase owner;

    private WorkspaceFixtures workspace;

    @BeforeEach
    void setUp() {
        workspace = new WorkspaceFixtures(router, conversations);
    }

    @Test
    void anAgentOfOneTenantIsRefusedAnotherTenantsEventsAndNeverReceivesThem() {
        try (LiveClient acme = LiveClient.signedIn(api, fixtures.token(ACME_AGENT));
             LiveClient globex = LiveClient.signedIn(api, fixtures.token(GLOBEX_AGENT))) {
            globex.subscribe(GLOBEX);
            globex.await("subscribed", e -> true);

            acme.subscribe(GLOBEX);
            JsonNode refused = acme.await("error", e -> GLOBEX.equals(e.path("tenant").asString()));
            acme.subscribe("no-such-tenant");
            JsonNode unknown = acme.await("error", e -> "no-such-tenant".equals(e.path("tenant").asString()));

            assertThat(refused.path("code").asString()).isEqualTo("forbidden");
            assertThat(unknown.path("code").asString()).isEqualTo("forbidden");
            assertThat(unknown.path("message")).isEqualTo(refused.path("message"));

            Conversation secret = workspace.customerWrites(GLOBEX, "Gloria Globex", "where is order 5521?");
            workspace.handOff(GLOBEX, secret.id());
            globex.await("conversation", e -> e.path("conversation").path("status").asString().equals("pending")
                    && e.path("conversation").path("id").asString().equals(secret.id().toString()));

            assertThat(acme.poll("conversation", e -> true, Duration.ofSeconds(2))).isEmpty();
            assertThat(acme.seen()).noneMatch(e -> e.toString().contains(secret.id().toString())
                    || e.toString().contains("Gloria"));
        }
    }

    @Test
    void aConversationOfAnotherTenantCannotBeSubscribedToThroughOnesOwnTenant() {
        Conversation foreign = workspace.customerWrites(GLOBEX, "Gus Customer", "hello");
        try (LiveClient acme = LiveClient.signedIn(api, fixtures.token(ACME_AGENT))) {
            acme.subscribe(ACME, foreign.id());
            JsonNode refused = acme.await("error", e -> true);
            assertThat(refused.path("code").asString()).isEqualTo("forbidden");
            assertThat(refused.path("conversation").asString()).isEqualTo(foreign.id().toString());

            workspace.handOff(GLOBEX, foreign.id());
            assertThat(acme.poll("message", e -> true, Duration.ofSeconds(1))).isEmpty();
            assertThat(acme.poll("conversation", e -> true, Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void changesAndMessagesArriveLiveForTheSubscribedTenantAndConversation() {
        try (LiveClient agent = LiveClient.signedIn(api, fixtures.token(ACME_AGENT))) {
            agent.subscribe(ACME);
            assertThat(agent.await("subscribed", e -> true).path("role").asString()).isEqualTo("agent");

            Conversation c = workspace.customerWrites(ACME, "Lucía Live", "tengo una pregunta sobre la factura");
            JsonNode opened = agent.await("conversation", e -> id(e).equals(c.id().toString()));
            assertThat(opened.path("conversation").path("contactName").asString()).isEqualTo("Lucía Live");
            assertThat(opened.path("conversation").path("channel").asString()).isEqualTo("webchat");
            assertThat(opened.path("conversation").path("lastMessage").path("text").asString())
                    .as("the customer's message, or the AI's answer if it came first").isNotBlank();

            agent.subscribe(ACME, c.id());
            agent.await("subscribed", e -> e.path("conversation").asString().equals(c.id().toString()));
            workspace.handOff(ACME, c.id());
            agent.await("conversation", e -> id(e).equals(c.id().toString())
                    && e.path("conversation").path("status").asString().equals("pending"));

            api.post("/api/v1/tenants/acme/conversations/" + c.id() + "/messages", fixtures.token(ACME_AGENT),
                    Map.of("text", "VIP customer, be quick", "note", true));
            JsonNode note = agent.await("message", e -> e.path("message").path("role").asString().equals("note"));
            assertThat(note.path("message").path("text").asString()).isEqualTo("VIP customer, be quick");
            assertThat(note.path("message").path("author").path("name").asString()).isEqualTo("Diego Agent");
        }
    }

    /** A finished tool call or a caller's growing voicemail changes a stored message: its readers get it again. */
    @Test
    void aMessageChangedInPlaceReachesTheThreadsReadersWithItsNewText() {
        Conversation c = workspace.customerWrites(ACME, "Vera Voicemail", "hola, llamo por");
        Message first = TenantScope.call(TenantFixtures.tenantId(ACME), () -> messages.latest(c.id(), 10)).stream()
                .filter(m -> m.role() == MessageRole.CUSTOMER).findFirst().orElseThrow();
        try (LiveClient agent = LiveClient.signedIn(api, fixtures.token(ACME_AGENT))) {
            agent.subscribe(ACME, c.id());
            agent.await("subscribed", e -> e.path("conversation").asString().equals(c.id().toString()));

            TenantScope.run(TenantFixtures.tenantId(ACME), () -> messages.update(first.id(),
                    "hola, llamo por la visita del martes", first.content()));

            JsonNode changed = agent.await("message", e -> e.path("message").path("id").asString()
                    .equals(first.id().toString()) && e.path("message").path("text").asString().endsWith("martes"));
            assertThat(changed.path("message").path("seq").asLong()).isEqualTo(first.seq());
        }
    }

    /**
     * Another node changes a conversation and notifies: this node has no in-process event for it, only the
     * notice (ids only), and still pushes the new state, which it read back from the database.
     */
    @Test
    void aChangeAnnouncedByAnotherNodeReachesThisNodesDashboards() {
        Conversation c = workspace.customerWrites(ACME, "Nadia Node", "hello from the other node");
        try (LiveClient agent = LiveClient.signedIn(api, fixtures.token(ACME_AGENT))) {
            agent.subscribe(ACME);
            agent.await("subscribed", e -> true);

            owner.jdbc().sql("update conversations set handoff_reason = 'set_on_node_b' where id = :id")
                    .param("id", c.id()).update();
            owner.jdbc().sql("select pg_notify('switchboard_workspace', :payload)")
                    .param("payload", TenantFixtures.tenantId(ACME) + "|CONVERSATION|" + c.id() + "|")
                    .query((rs, n) -> 1).single();

            // Earlier events about this conversation (its creation, the AI's answer) may come first; this one must come.
            agent.await("conversation", e -> id(e).equals(c.id().toString())
                    && e.path("conversation").path("handoffReason").asString("").equals("set_on_node_b"));
        }
    }

    @Test
    void aConnectionMustAuthenticateFirstAndABadTokenEndsIt() {
        try (LiveClient anonymous = LiveClient.connect(api)) {
            anonymous.subscribe(ACME);
            assertThat(anonymous.await("error", e -> true).path("code").asString()).isEqualTo("unauthorized");
            assertThat(anonymous.awaitClose()).isEqualTo(4401);
        }
        try (LiveClient forged = LiveClient.connect(api)) {
            forged.send(Map.of("type", "auth", "token", fixtures.token(ACME_AGENT) + "x"));
            assertThat(forged.awaitClose()).isEqualTo(4401);
            assertThat(forged.seen()).noneMatch(e -> e.path("type").asString().equals("ready"));
        }
    }

    @Test
    void presenceFollowsTheDashboardConnectionAndItsIdleness() {
        var agentUser = fixtures.newUser(ACME, dev.switchboard.shared.TenantRole.AGENT);
        String token = api.login(agentUser.email(), agentUser.password()).accessToken();
        try (LiveClient observer = LiveClient.signedIn(api, fixtures.token(ACME_AGENT))) {
            observer.subscribe(ACME);
            observer.await("subscribed", e -> true);
            try (LiveClient agent = LiveClient.signedIn(api, token)) {
                agent.subscribe(ACME);
                observer.await("presence", e -> statusOf(e, agentUser.id().toString()).equals("online"));
                agent.send(Map.of("type", "heartbeat", "idle", true));
                observer.await("presence", e -> statusOf(e, agentUser.id().toString()).equals("away"));
            }
            observer.await("presence", e -> statusOf(e, agentUser.id().toString()).equals("offline"));
        }
    }

    private static String id(JsonNode event) {
        return event.path("conversation").path("id").asString();
    }

    private static String statusOf(JsonNode presence, String userId) {
        for (JsonNode agent : presence.path("agents")) {
            if (agent.path("userId").asString().equals(userId)) {
                return agent.path("status").asString();
            }
        }
        return "offline";
    }
}
