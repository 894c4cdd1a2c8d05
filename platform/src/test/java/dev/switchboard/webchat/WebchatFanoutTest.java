package dev.switchboard.webchat;

import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TestApi;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Outbound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.shared.db.OwnerDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Several nodes: what one node delivers is announced on the PostgreSQL channel {@code webchat}, and what another
 * node announces reaches this node's sockets of that visitor (messages read by seq, deltas at their offset).
 */
@PlatformTest
class WebchatFanoutTest {

    private static final UUID ACME_ID = tenantId(ACME);

    @Autowired
    TestApi api;
    @Autowired
    Outbound outbound;
    @Autowired
    Messages messages;
    @Autowired
    Conversations conversations;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    DataSource dataSource;

    @Test
    void whatAnotherNodeAnnouncesReachesThisNodesSocketsOfTheVisitor() {
        WidgetClient widget = new WidgetClient(api, ACME, WebchatSocketTest.SITE).session();
        WidgetClient.Socket socket = widget.connect().hello(null, 0);
        String id = WidgetClient.newClientId();
        socket.say(id, "anyone on another node?");
        UUID conversation = UUID.fromString(socket.await("ack", f -> f.path("id").asString().equals(id))
                .path("conversationId").asString());
        socket.await("message", f -> f.path("role").asString().equals("ai"));

        // Stored as if on another node: appended without this node's delivery, then announced.
        var stored = TenantScope.call(ACME_ID, () -> tx.execute(s ->
                messages.append(conversation, NewMessage.text(MessageRole.AI, "answered on node B"))));
        UUID turn = UUID.randomUUID();
        announce("d", widget.visitorId(), conversation, "\"u\":\"" + turn + "\",\"o\":0,\"x\":\"streamed on B\"");
        announce("m", widget.visitorId(), conversation, "\"s\":" + stored.seq());
        announce("m", widget.visitorId(), conversation, "\"s\":" + stored.seq());

        socket.await("delta", f -> f.path("text").asString().equals("streamed on B"));
        socket.await("message", f -> f.path("text").asString().equals("answered on node B"));
        socket.settle();
        assertThat(socket.frames("message")).filteredOn(f -> f.path("text").asString().equals("answered on node B"))
                .hasSize(1);
        socket.close();
    }

    @Test
    void whatThisNodeDeliversIsAnnouncedForTheOthers() throws Exception {
        WidgetClient widget = new WidgetClient(api, ACME, WebchatSocketTest.SITE).session();
        WidgetClient.Socket socket = widget.connect().hello(null, 0);
        String id = WidgetClient.newClientId();
        socket.say(id, "tell the others");
        UUID conversation = UUID.fromString(socket.await("ack", f -> f.path("id").asString().equals(id))
                .path("conversationId").asString());

        try (Connection listening = dataSource.getConnection()) {
            try (Statement statement = listening.createStatement()) {
                statement.execute("listen webchat");
            }
            var sent = TenantScope.call(ACME_ID, () -> outbound.send(conversation,
                    NewMessage.text(MessageRole.AI, "for every node")));
            List<JsonNode> heard = listen(listening, n -> n.path("k").asString().equals("m")
                    && n.path("s").asLong() == sent.seq());
            assertThat(heard).singleElement().satisfies(n -> {
                assertThat(n.path("t").asString()).isEqualTo(ACME_ID.toString());
                assertThat(n.path("a").asString()).isEqualTo(widget.visitorId());
                assertThat(n.path("c").asString()).isEqualTo(conversation.toString());
                assertThat(n.toString()).doesNotContain("for every node");
            });
            try (Statement statement = listening.createStatement()) {
                statement.execute("unlisten webchat");
            }
        }
        socket.close();
    }

    private void announce(String kind, String visitor, UUID conversation, String rest) {
        String payload = "{\"k\":\"" + kind + "\",\"n\":\"node-b\",\"t\":\"" + ACME_ID + "\",\"a\":\"" + visitor
                + "\",\"c\":\"" + conversation + "\"," + rest + "}";
        owner.jdbc().sql("select pg_notify('webchat', :p)").param("p", payload).query((rs, n) -> 1).list();
    }

    private static List<JsonNode> listen(Connection connection, java.util.function.Predicate<JsonNode> wanted)
            throws Exception {
        List<JsonNode> matching = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (matching.isEmpty() && System.nanoTime() < deadline) {
            PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(200);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    JsonNode json = TestApi.JSON.readTree(n.getParameter());
                    if (wanted.test(json)) {
                        matching.add(json);
                    }
                }
            }
        }
        return matching;
    }
}
