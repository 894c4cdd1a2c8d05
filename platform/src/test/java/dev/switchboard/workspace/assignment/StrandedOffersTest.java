package dev.switchboard.workspace.assignment;

import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.workspace.LiveClient;
import dev.switchboard.workspace.Presence;
import dev.switchboard.workspace.WorkspaceFixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An offer to an agent who closed their dashboard does not strand the customer: it goes to someone online. */
@PlatformTest
class StrandedOffersTest {

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    ChannelRouter router;
    @Autowired
    Conversations conversations;
    @Autowired
    Presence presence;
    @Autowired
    AutoAssignment assignment;
    @Autowired
    OwnerDatabase owner;

    @Test
    void anOfferToAnAgentWhoWentOfflineMovesToAnAgentWhoIsOnline() throws InterruptedException {
        WorkspaceFixtures workspace = new WorkspaceFixtures(router, conversations);
        awaitNobodyOnline();
        WorkspaceFixtures.emptyTheQueue(owner, ACME);
        var leaving = fixtures.newUser(ACME, TenantRole.AGENT);
        var staying = fixtures.newUser(ACME, TenantRole.AGENT);
        Conversation c = workspace.customerWrites(ACME, "Stranded Stella", "a question about my invoice");
        try (LiveClient first = LiveClient.signedIn(api, api.login(leaving.email(), leaving.password()).accessToken())) {
            first.subscribe(ACME);
            first.await("subscribed", e -> true);
            workspace.handOff(ACME, c.id());
            first.await("conversation", e -> leaving.id().toString().equals(e.path("conversation").path("assignee").path("id").asString()));
        }
        try (LiveClient second = LiveClient.signedIn(api, api.login(staying.email(), staying.password()).accessToken())) {
            second.subscribe(ACME);
            second.await("subscribed", e -> true);
            assertThat(workspace.get(ACME, c.id()).assigneeId()).as("still offered to the agent who left").isEqualTo(leaving.id());

            // Leaving clears the agent's presence on the session's own thread: re-offer once it has.
            awaitOffline(leaving.id());
            assignment.reofferStranded(tenantId(ACME), Duration.ZERO);

            Conversation now = workspace.get(ACME, c.id());
            assertThat(now.assigneeId()).isEqualTo(staying.id());
            assertThat(now.status().wireName()).isEqualTo("pending");
        }
    }

    private void awaitOffline(java.util.UUID user) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (presence.statuses(tenantId(ACME)).containsKey(user) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    private void awaitNobodyOnline() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!presence.statuses(tenantId(ACME)).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }
}
