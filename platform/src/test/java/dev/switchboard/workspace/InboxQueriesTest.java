package dev.switchboard.workspace;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.shared.db.OwnerDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The conversation list: filters, text search and cursor pagination, with every parameter validated. */
@PlatformTest
class InboxQueriesTest {

    private static final String LIST = "/api/v1/tenants/acme/conversations";

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    ChannelRouter router;
    @Autowired
    Conversations conversations;
    @Autowired
    OwnerDatabase owner;

    @Test
    void searchFindsConversationsByTheWordsOfTheirMessagesAndTheContactsName() {
        WorkspaceFixtures workspace = new WorkspaceFixtures(router, conversations);
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        Conversation byMessage = workspace.customerWrites(ACME, "Searchable Sam", "my " + word + "tank is leaking");
        Conversation byName = workspace.customerWrites(ACME, "Olga " + word, "hello");
        workspace.customerWrites(ACME, "Unrelated Una", "nothing to see");

        ApiResponse found = api.get(LIST + "?q=" + word, fixtures.token(ACME_AGENT));

        assertThat(found).hasStatus(200);
        assertThat(ids(found)).containsExactlyInAnyOrder(byMessage.id().toString(), byName.id().toString());
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() throws InterruptedException {
        WorkspaceFixtures workspace = new WorkspaceFixtures(router, conversations);
        String word = "pg" + UUID.randomUUID().toString().substring(0, 6);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(workspace.customerWrites(ACME, "Pager " + i, word + " page test").id().toString());
        }
        awaitAiAnswers(made);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse page = api.get(LIST + "?limit=2&q=" + word + (cursor == null ? "" : "&cursor=" + cursor),
                    fixtures.token(ACME_AGENT));
            assertThat(page).hasStatus(200);
            seen.addAll(ids(page));
            cursor = page.json().path("next").isNull() ? null : page.json().path("next").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(made);
        assertThat(seen).as("the pages, one after the other, are the list in one piece")
                .containsExactlyElementsOf(ids(api.get(LIST + "?limit=100&q=" + word, fixtures.token(ACME_AGENT))));
    }

    @Test
    void viewsSplitTheQueueTheAiAndOnesOwnConversations() {
        WorkspaceFixtures workspace = new WorkspaceFixtures(router, conversations);
        String agent = fixtures.token(ACME_AGENT);
        Conversation withAi = workspace.customerWrites(ACME, "View Vera", "hi");
        Conversation taken = workspace.customerWrites(ACME, "View Victor", "hi");
        assertThat(api.post(LIST + "/" + taken.id() + "/take", agent, null)).hasStatus(200);

        assertThat(ids(api.get(LIST + "?view=ai", agent))).contains(withAi.id().toString())
                .doesNotContain(taken.id().toString());
        assertThat(ids(api.get(LIST + "?view=mine&limit=100", agent))).contains(taken.id().toString())
                .doesNotContain(withAi.id().toString());
        assertThat(ids(api.get(LIST + "?view=mine&channel=whatsapp", agent))).doesNotContain(taken.id().toString());
        assertThat(api.get(LIST + "/counts", agent).json().path("mine").asLong()).isPositive();

        assertThat(api.post(LIST + "/" + taken.id() + "/close", agent, null)).hasStatus(200);
        assertThat(ids(api.get(LIST + "?status=inactive&view=mine", agent))).contains(taken.id().toString());
    }

    @Test
    void everyParameterIsValidatedAndSearchTextNeverReachesSqlAsCode() {
        String agent = fixtures.token(ACME_AGENT);
        assertThat(api.get(LIST + "?status=archived", agent)).namesInvalidField("status");
        assertThat(api.get(LIST + "?view=everyone", agent)).namesInvalidField("view");
        assertThat(api.get(LIST + "?channel=fax", agent)).namesInvalidField("channel");
        assertThat(api.get(LIST + "?limit=0", agent)).namesInvalidField("limit");
        assertThat(api.get(LIST + "?limit=101", agent)).namesInvalidField("limit");
        assertThat(api.get(LIST + "?cursor=not-a-cursor", agent)).namesInvalidField("cursor");
        assertThat(api.get(LIST + "?q=" + "x".repeat(201), agent)).namesInvalidField("q");

        String attack = URLEncoder.encode("'); drop table messages; -- & | ! :* \\", StandardCharsets.UTF_8);
        assertThat(api.get(LIST + "?q=" + attack, agent)).hasStatus(200);
        assertThat(owner.jdbc().sql("select to_regclass('public.messages') is not null").query(Boolean.class).single())
                .isTrue();
    }

    /**
     * The AI answers each new conversation, which moves it up the list; paging while that happens would be
     * paging a list that is being reordered. Waits until every one has its answer.
     */
    private void awaitAiAnswers(List<String> conversations) throws InterruptedException {
        List<UUID> ids = conversations.stream().map(UUID::fromString).toList();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (owner.jdbc().sql("select count(distinct conversation_id) from messages where conversation_id in (:ids) and role = 'ai'")
                .param("ids", ids).query(Long.class).single() < ids.size()) {
            assertThat(System.nanoTime()).as("the AI answers every conversation").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<String> ids(ApiResponse response) {
        return response.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }
}
