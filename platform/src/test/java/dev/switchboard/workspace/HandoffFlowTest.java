package dev.switchboard.workspace;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.shared.TenantRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A handoff from end to end through the API: offered to the online agent (or queued when nobody is online),
 * taken, answered, noted, returned to the AI and ended, with every step in the audit trail.
 */
@PlatformTest
class HandoffFlowTest {

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    ChannelRouter router;
    @Autowired
    Conversations conversations;
    @Autowired
    dev.switchboard.workspace.Presence presence;
    @Autowired
    dev.switchboard.shared.db.OwnerDatabase owner;

    private WorkspaceFixtures workspace;

    @BeforeEach
    void nobodyElseIsOnline() throws InterruptedException {
        workspace = new WorkspaceFixtures(router, conversations);
        WorkspaceFixtures.emptyTheQueue(owner, ACME);
        Instant deadline = Instant.now().plusSeconds(10);
        while (!presence.statuses(tenantId(ACME)).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(presence.statuses(tenantId(ACME))).as("agents still online from an earlier test").isEmpty();
    }

    @Test
    void aHandoffIsOfferedToTheOnlineAgentWhoTakesAnswersAndReturnsItToTheAi() {
        var ana = fixtures.newUser(ACME, TenantRole.AGENT);
        var ben = fixtures.newUser(ACME, TenantRole.AGENT);
        String anaToken = api.login(ana.email(), ana.password()).accessToken();
        String benToken = api.login(ben.email(), ben.password()).accessToken();
        try (LiveClient dashboard = LiveClient.signedIn(api, anaToken)) {
            dashboard.subscribe(ACME);
            dashboard.await("presence", e -> e.toString().contains(ana.id().toString()));

            Conversation c = workspace.customerWrites(ACME, "Marta Handoff", "tengo una duda con la factura");
            workspace.handOff(ACME, c.id());
            JsonNode offered = dashboard.await("conversation", e -> isAbout(e, c)
                    && ana.id().toString().equals(e.path("conversation").path("assignee").path("id").asString()));
            assertThat(offered.path("conversation").path("status").asString()).isEqualTo("pending");

            String base = "/api/v1/tenants/acme/conversations/" + c.id();
            ApiResponse stolen = api.post(base + "/take", benToken, null);
            assertThat(stolen).isProblem(409);
            assertThat(stolen.json().path("detail").asString()).endsWith("was offered this conversation");

            assertThat(api.post(base + "/take", anaToken, null)).hasStatus(200);
            ApiResponse reply = api.post(base + "/messages", anaToken, Map.of("text", "Hola Marta, soy Ana."));
            assertThat(reply).hasStatus(201);
            assertThat(reply.json().path("role").asString()).isEqualTo("human");
            assertThat(reply.json().path("author").path("id").asString()).isEqualTo(ana.id().toString());
            assertThat(api.post(base + "/messages", benToken, Map.of("text", "me too"))).isProblem(409);

            ApiResponse note = api.post(base + "/messages", benToken, Map.of("text", "she called twice", "note", true));
            assertThat(note).hasStatus(201);
            assertThat(note.json().path("role").asString()).isEqualTo("note");
            assertThat(note.json().path("deliveryStatus").isNull()).as("notes are never delivered").isTrue();

            assertThat(api.post(base + "/return-to-ai", benToken, null)).isProblem(409);
            ApiResponse returned = api.post(base + "/return-to-ai", anaToken, null);
            assertThat(returned).hasStatus(200);
            assertThat(returned.json().path("conversation").path("owner").asString()).isEqualTo("ai");

            ApiResponse closed = api.post(base + "/close", anaToken, Map.of("reason", "resolved"));
            assertThat(closed).hasStatus(200);
            assertThat(closed.json().path("conversation").path("status").asString()).isEqualTo("closed");

            List<String> trail = closed.json().path("audit").valueStream()
                    .map(a -> a.path("change").asString() + ":" + a.path("from").asString() + ">" + a.path("to").asString()
                            + ":" + a.path("actor").path("id").asString("platform"))
                    .toList();
            assertThat(trail).containsExactly(
                    "handoff_requested:active>pending:platform",
                    "assigned:pending>pending:platform",
                    "taken:pending>human:" + ana.id(),
                    "returned_to_ai:human>active:" + ana.id(),
                    "closed:active>closed:" + ana.id());
            assertThat(closed.json().path("audit").get(4).path("reason").asString()).isEqualTo("resolved");

            ApiResponse thread = api.get(base + "/messages", anaToken);
            assertThat(thread).hasStatus(200);
            assertThat(thread.json().path("items").valueStream().map(m -> m.path("role").asString()).toList())
                    .containsSubsequence("customer", "human", "note");
        }
    }

    @Test
    void withNobodyOnlineAHandoffWaitsInTheQueueUntilAnAgentArrives() {
        var late = fixtures.newUser(ACME, TenantRole.AGENT);
        String token = api.login(late.email(), late.password()).accessToken();
        Conversation c = workspace.customerWrites(ACME, "Queued Quentin", "a question about my invoice");
        workspace.handOff(ACME, c.id());

        ApiResponse queue = api.get("/api/v1/tenants/acme/conversations?view=unassigned", token);
        assertThat(queue).hasStatus(200);
        assertThat(queue.json().path("items").valueStream().map(i -> i.path("id").asString()))
                .contains(c.id().toString());

        try (LiveClient dashboard = LiveClient.signedIn(api, token)) {
            dashboard.subscribe(ACME);
            dashboard.await("conversation", e -> isAbout(e, c)
                    && late.id().toString().equals(e.path("conversation").path("assignee").path("id").asString()));
        }
        ApiResponse mine = api.get("/api/v1/tenants/acme/conversations?view=mine", token);
        assertThat(mine.json().path("items").valueStream().map(i -> i.path("id").asString()))
                .contains(c.id().toString());
    }

    @Test
    void aConversationHeldBySomeoneElseCanOnlyBeReassignedByASupervisor() {
        var holder = fixtures.newUser(ACME, TenantRole.AGENT);
        var other = fixtures.newUser(ACME, TenantRole.AGENT);
        String holderToken = api.login(holder.email(), holder.password()).accessToken();
        String otherToken = api.login(other.email(), other.password()).accessToken();
        Conversation c = workspace.customerWrites(ACME, "Reassigned Rita", "hello");
        String base = "/api/v1/tenants/acme/conversations/" + c.id();
        assertThat(api.post(base + "/take", holderToken, null)).hasStatus(200);

        assertThat(api.post(base + "/reassign", otherToken, Map.of("assigneeId", other.id()))).isProblem(409);
        assertThat(api.post(base + "/reassign", fixtures.token(TenantFixtures.ACME_OWNER),
                Map.of("assigneeId", fixtures.user(TenantFixtures.GLOBEX_AGENT).id()))).namesInvalidField("assigneeId");
        ApiResponse moved = api.post(base + "/reassign", fixtures.token(TenantFixtures.ACME_OWNER),
                Map.of("assigneeId", other.id()));
        assertThat(moved).hasStatus(200);
        assertThat(moved.json().path("conversation").path("assignee").path("id").asString()).isEqualTo(other.id().toString());
        assertThat(moved.json().path("audit").valueStream().map(a -> a.path("change").asString()))
                .containsExactly("taken", "reassigned");
        assertThat(workspace.get(ACME, c.id()).assigneeId()).isEqualTo(other.id());
    }

    private static boolean isAbout(JsonNode event, Conversation c) {
        return event.path("conversation").path("id").asString().equals(c.id().toString());
    }
}
