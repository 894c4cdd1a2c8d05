package dev.switchboard.workspace;

import static dev.switchboard.TenantFixtures.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.shared.TenantRole;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two agents pressing "Take over" on one conversation at the same instant: exactly one wins, every time. */
@PlatformTest
class TakeOverRaceTest {

    private static final int ROUNDS = 8;

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    ChannelRouter router;
    @Autowired
    Conversations conversations;

    @Test
    void ofTwoAgentsTakingOneConversationAtOnceExactlyOneWinsAndTheOtherIsToldWho() throws Exception {
        WorkspaceFixtures workspace = new WorkspaceFixtures(router, conversations);
        var ana = fixtures.newUser(ACME, TenantRole.AGENT);
        var ben = fixtures.newUser(ACME, TenantRole.AGENT);
        Map<String, String> tokens = Map.of(ana.id().toString(), api.login(ana.email(), ana.password()).accessToken(),
                ben.id().toString(), api.login(ben.email(), ben.password()).accessToken());

        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                Conversation c = workspace.customerWrites(ACME, "Racer " + round, "my heating is broken");
                String path = "/api/v1/tenants/acme/conversations/" + c.id() + "/take";
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ApiResponse>> calls = tokens.values().stream().map(token -> pool.submit(() -> {
                    start.await();
                    return api.post(path, token, null);
                })).toList();
                List<ApiResponse> responses = List.of(calls.get(0).get(), calls.get(1).get());

                assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(200, 409);
                ApiResponse won = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
                ApiResponse lost = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                String winner = won.json().path("conversation").path("assignee").path("id").asString();
                assertThat(workspace.get(ACME, c.id()).assigneeId()).hasToString(winner);
                assertThat(lost.isProblem()).as(lost.describe()).isTrue();
                assertThat(lost.json().path("code").asString()).isEqualTo("conversation_held");
                assertThat(lost.json().path("holder").path("id").asString()).isEqualTo(winner);
                String winnerName = fixtures.user(winner.equals(ana.id().toString()) ? ana.email() : ben.email()).displayName();
                assertThat(lost.json().path("holder").path("name").asString()).isEqualTo(winnerName);
                assertThat(lost.json().path("detail").asString()).isEqualTo(winnerName + " already holds this conversation");
            }
        }
    }
}
