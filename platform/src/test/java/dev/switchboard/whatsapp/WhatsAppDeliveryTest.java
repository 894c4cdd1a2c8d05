package dev.switchboard.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Outbound;
import dev.switchboard.fakes.meta.InboundMessages;
import dev.switchboard.fakes.meta.SentMessage;
import dev.switchboard.fakes.meta.StatusUpdates;
import dev.switchboard.fakes.meta.WebhookDriver;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replies on WhatsApp: the 24-hour window, interactive choices, Meta's refusals recorded with their codes,
 * back-off under 130429, and statuses that arrive in any order and never move a message backwards.
 */
@PlatformTest
class WhatsAppDeliveryTest {

    private static final UUID ACME = WhatsAppTestbed.ACME;

    @Autowired
    TestApi api;
    @Autowired
    TenantsFolder tenants;
    @Autowired
    TenantSecrets secrets;
    @Autowired
    WhatsAppAccounts accounts;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    Outbound outbound;
    @Autowired
    Messages messages;
    @Autowired
    WhatsAppMessaging messaging;

    WhatsAppTestbed bed;
    WebhookDriver driver;

    @BeforeEach
    void connect() {
        bed = WhatsAppTestbed.connect(api, tenants, secrets, accounts, owner);
        driver = bed.driver();
    }

    @Test
    void outsideTheWindowAFreeFormReplyIsRefusedWithAClearErrorAndNothingIsSent() {
        String customer = WhatsAppTestbed.newCustomer();
        UUID conversation = conversationWith(customer, Instant.now().minus(Duration.ofHours(25)));

        Message refused = send(conversation, NewMessage.text(MessageRole.HUMAN, "¿Sigues ahí?"));

        Map<String, Object> row = awaitDelivery(refused.id(), "failed");
        JsonNode error = TestApi.JSON.readTree((String) row.get("delivery_error"));
        assertThat(error.path("code").asString()).isEqualTo("customer_service_window_closed");
        assertThat(error.path("message").asString()).contains("24-hour customer service window")
                .contains("only an approved template");
        assertThat(messaging.customerServiceWindowOpen(ACME, customer)).isFalse();
        Message template = send(conversation, new NewMessage(MessageRole.HUMAN, "template", "Recordatorio", TestApi.JSON
                .readTree("{\"template\":{\"name\":\"hello_world\",\"language\":\"en_US\"}}"), null, null, null));
        awaitDelivery(template.id(), "sent", "delivered");
        assertThat(sentTo(customer)).extracting(SentMessage::type).containsExactly("template");
    }

    @Test
    void choicesGoOutAsReplyButtonsOrAsAList() {
        String customer = WhatsAppTestbed.newCustomer();
        UUID conversation = conversationWith(customer, Instant.now());

        Message buttons = send(conversation, new NewMessage(MessageRole.AI, "interactive", "¿Qué quieres hacer?",
                TestApi.JSON.readTree("""
                        {"interactive":{"buttons":[{"id":"confirm_visit","title":"Confirmar visita"},
                         {"id":"cancel_visit","title":"Cancelar visita"},{"id":"reschedule_visit","title":"Cambiar fecha"}]}}"""),
                null, null, null));
        Message many = send(conversation, new NewMessage(MessageRole.AI, "interactive", "Elige un hueco",
                TestApi.JSON.readTree("{\"interactive\":{\"buttons\":[" + IntStream.range(1, 6)
                        .mapToObj(i -> "{\"id\":\"slot_" + i + "\",\"title\":\"Hueco número " + i + " por la tarde\"}")
                        .reduce((a, b) -> a + "," + b).orElseThrow() + "]}}"), null, null, null));

        JsonNode first = awaitSent(buttons.id()).body();
        JsonNode second = awaitSent(many.id()).body();
        assertThat(first.at("/interactive/type").asString()).isEqualTo("button");
        assertThat(first.at("/interactive/action/buttons")).hasSize(3);
        assertThat(first.at("/interactive/action/buttons/1/reply/id").asString()).isEqualTo("cancel_visit");
        assertThat(second.at("/interactive/type").asString()).isEqualTo("list");
        assertThat(second.at("/interactive/action/sections/0/rows")).hasSize(5);
        assertThat(second.at("/interactive/action/sections/0/rows/0/title").asString()).hasSizeLessThanOrEqualTo(24);
    }

    @Test
    void statusesArrivingOutOfOrderEndAsReadAndALateFailureDoesNotUndoIt() {
        String customer = WhatsAppTestbed.newCustomer();
        UUID conversation = conversationWith(customer, Instant.now());
        Message reply = send(conversation, NewMessage.text(MessageRole.AI, "Tu técnico llega a las 10:00"));
        String wamid = awaitSent(reply.id()).wamid();

        driver.deliverStatusesOutOfOrder(wamid, customer);
        driver.deliverStatuses(StatusUpdates.failed(wamid, customer, 131026, "Message undeliverable", "late"));

        awaitDelivery(reply.id(), "read");
        sleepQuietly(800);
        assertThat(row(reply.id()).get("delivery_status")).isEqualTo("read");
        assertThat(row(reply.id()).get("provider_message_id")).isEqualTo(wamid);
    }

    @Test
    void aFailedStatusKeepsMetasCodeAndTitleAndFindsItsMessageByTheCallbackData() {
        String customer = WhatsAppTestbed.newCustomer();
        UUID conversation = conversationWith(customer, Instant.now());
        Message stored = TenantScope.call(ACME, () -> messages.append(conversation, NewMessage.text(MessageRole.AI, "hola")));
        ObjectNode failed = StatusUpdates.withCallbackData(StatusUpdates.failed("wamid.HBgLfailed" + UUID.randomUUID()
                .toString().replace("-", ""), customer, 131047, "Re-engagement message", "more than 24 hours"),
                "switchboard:message:" + stored.id());

        driver.deliverStatuses(failed);

        Map<String, Object> row = awaitDelivery(stored.id(), "failed");
        JsonNode error = TestApi.JSON.readTree((String) row.get("delivery_error"));
        assertThat(error.path("code").asInt()).isEqualTo(131047);
        assertThat(error.path("title").asString()).isEqualTo("Re-engagement message");
    }

    @Test
    void aRefusalIsRecordedWithMetasCodeAndText() {
        String customer = WhatsAppTestbed.newCustomer();
        UUID conversation = conversationWith(customer, Instant.now());
        bed.graph().markUndeliverable(customer);

        Message reply = send(conversation, NewMessage.text(MessageRole.AI, "¿Me oyes?"));

        JsonNode error = TestApi.JSON.readTree((String) awaitDelivery(reply.id(), "failed").get("delivery_error"));
        assertThat(error.path("code").asInt()).isEqualTo(131026);
        assertThat(error.path("title").asString()).isEqualTo("Message undeliverable");
        assertThat(error.path("details").asString()).contains("not a WhatsApp user");
    }

    @Test
    void underThrottling130429SendsBackOffAndAllArriveInTheEnd() throws Exception {
        List<UUID> conversations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            conversations.add(conversationWith(WhatsAppTestbed.newCustomer(), Instant.now()));
        }
        sleepQuietly(1500);
        int requestsBefore = messageRequests();
        List<UUID> sent = new ArrayList<>();
        bed.graph().throughput(5);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<java.util.concurrent.Future<List<UUID>>>();
            for (UUID conversation : conversations) {
                futures.add(pool.submit(() -> IntStream.range(0, 3).mapToObj(n -> send(conversation,
                        NewMessage.text(MessageRole.HUMAN, "aviso " + n)).id()).toList()));
            }
            for (var future : futures) {
                sent.addAll(future.get());
            }
            for (UUID id : sent) {
                awaitDelivery(id, Duration.ofSeconds(60), "sent", "delivered", "read");
            }
        } finally {
            bed.graph().throughput(1000);
        }
        long accepted = bed.graph().sentMessages().stream().filter(m -> sent.stream()
                .anyMatch(id -> m.body().path("biz_opaque_callback_data").asString("").endsWith(id.toString()))).count();
        assertThat(accepted).isEqualTo(36);
        assertThat(messageRequests() - requestsBefore).as("requests including the throttled ones").isGreaterThan(36);
    }

    @Test
    void templatesGoOutThroughThePublicApiAndWrongParametersAreRefusedWithMetasCode() {
        String customer = WhatsAppTestbed.newCustomer();
        var template = new TemplateMessage("booking_reminder", "es", List.of(
                new TemplateMessage.Component("header", null, null,
                        List.of(new TemplateMessage.Parameter("image", "https://acme.example/van.jpg", null))),
                new TemplateMessage.Component("body", null, null,
                        List.of(TemplateMessage.Parameter.text("Ana"), TemplateMessage.Parameter.text("20:00")))));

        String wamid = messaging.sendTemplate(ACME, customer, template, "campaign:7:recipient:42");

        SentMessage sent = bed.graph().sentMessages().stream().filter(m -> m.wamid().equals(wamid)).findFirst().orElseThrow();
        assertThat(sent.body().at("/template/components/1/parameters/1/text").asString()).isEqualTo("20:00");
        assertThat(sent.body().path("biz_opaque_callback_data").asString()).isEqualTo("campaign:7:recipient:42");
        var wrong = TemplateMessage.withBody("booking_reminder", "es", "only one value");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> messaging.sendTemplate(ACME, customer, wrong, null))
                .isInstanceOfSatisfying(WhatsAppRefusedMessage.class, e -> assertThat(e.code()).isIn(132000, 132012));
    }

    /** A conversation opened by the customer writing at {@code at} (the agent may answer it; tests ignore that). */
    private UUID conversationWith(String customer, Instant at) {
        ObjectNode hello = InboundMessages.withTimestamp(InboundMessages.text(customer, "hola"), at);
        driver.deliverMessage(hello, "Cliente");
        return (UUID) bed.awaitCustomerMessage(hello.path("id").asString()).get("conversation_id");
    }

    private Message send(UUID conversation, NewMessage message) {
        return TenantScope.call(ACME, () -> outbound.send(conversation, message));
    }

    private SentMessage awaitSent(UUID messageId) {
        WhatsAppTestbed.await("the fake to accept " + messageId, () -> sentFor(messageId) != null);
        return sentFor(messageId);
    }

    private SentMessage sentFor(UUID messageId) {
        return bed.graph().sentMessages().stream()
                .filter(m -> m.body().path("biz_opaque_callback_data").asString("").endsWith(messageId.toString()))
                .findFirst().orElse(null);
    }

    private List<SentMessage> sentTo(String customer) {
        return bed.graph().sentMessages().stream().filter(m -> m.to().equals(customer)).toList();
    }

    private int messageRequests() {
        return (int) bed.graph().requests().stream().filter(r -> r.path().endsWith("/messages")).count();
    }

    private Map<String, Object> row(UUID messageId) {
        return owner.jdbc().sql("select delivery_status, delivery_error::text as delivery_error, provider_message_id "
                + "from messages where id = ?").param(messageId).query().singleRow();
    }

    private Map<String, Object> awaitDelivery(UUID messageId, String... statuses) {
        return awaitDelivery(messageId, WhatsAppTestbed.WAIT, statuses);
    }

    private Map<String, Object> awaitDelivery(UUID messageId, Duration timeout, String... statuses) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!List.of(statuses).contains(row(messageId).get("delivery_status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("message " + messageId + " is " + row(messageId) + ", expected " + List.of(statuses));
            }
            sleepQuietly(50);
        }
        return row(messageId);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
