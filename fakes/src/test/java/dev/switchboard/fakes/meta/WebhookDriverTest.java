package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDriverTest {

    private static final String SECRET = "app_secret_123";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CapturingReceiver receiver = new CapturingReceiver();
    private final WebhookDriver driver = WebhookDriver.create(receiver.url(), SECRET, BusinessNumber.demo());

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void signatureMatchesTheReferenceTestVector() {
        var body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThat(new WebhookSignature(SECRET).header(body))
                .isEqualTo("sha256=02fe0c96d28c59ddb7cf81eff0ca05809b360ba73b63c28210b5906a0a107d1f");
    }

    @Test
    void deliveredTextMessageHasTheRealEnvelopeAndAValidSignatureOverTheRawBytes() {
        var delivery = driver.deliverMessage(InboundMessages.text("34600111222", "Hola"), "Ana");

        assertThat(delivery.acknowledged()).isTrue();
        var request = receiver.received().await(1, WAIT).getFirst();
        assertThat(verifies(request)).isTrue();
        var value = request.json().at("/entry/0/changes/0/value");
        assertThat(request.json().path("object").stringValue()).isEqualTo("whatsapp_business_account");
        assertThat(value.at("/metadata/phone_number_id").stringValue()).isEqualTo("106540352242922");
        assertThat(value.at("/contacts/0/profile/name").stringValue()).isEqualTo("Ana");
        assertThat(value.at("/messages/0/type").stringValue()).isEqualTo("text");
        assertThat(value.at("/messages/0/id").stringValue()).startsWith("wamid.");
        assertThat(value.at("/messages/0/timestamp").isString()).isTrue();
    }

    @Test
    void nonAsciiTextIsSentEscapedLikeMetaAndTheSignatureCoversTheEscapedBytes() {
        var envelope = driver.notification().message(InboundMessages.text("34600111222", "Año ñandú 😀 a/b"), "Íñigo")
                .json();

        driver.post(driver.sign(envelope, WebhookEncoding.ESCAPED_UNICODE));

        var request = receiver.received().await(1, WAIT).getFirst();
        assertThat(request.bodyText()).contains("A\\u00f1o \\u00f1and\\u00fa \\ud83d\\ude00 a\\/b")
                .doesNotContain("ñ");
        assertThat(verifies(request)).isTrue();
        assertThat(request.json().at("/entry/0/changes/0/value/messages/0/text/body").stringValue())
                .isEqualTo("Año ñandú 😀 a/b");
        var reserialised = Json.string(request.json()).getBytes(StandardCharsets.UTF_8);
        assertThat(hmac(reserialised)).isNotEqualTo(request.header("x-hub-signature-256"));
    }

    @Test
    void rawUtf8BodyIsSignedOverTheUtf8BytesSent() {
        var envelope = driver.notification().message(InboundMessages.text("34600111222", "Año"), "Ana").json();

        driver.post(driver.sign(envelope, WebhookEncoding.RAW_UTF8));

        var request = receiver.received().await(1, WAIT).getFirst();
        assertThat(request.bodyText()).contains("Año");
        assertThat(verifies(request)).isTrue();
    }

    @Test
    void everyInboundTypeIsBuiltInItsRealShape() {
        var envelope = driver.notification()
                .message(InboundMessages.buttonReply("1", "yes_1", "Yes"), "A")
                .message(InboundMessages.listReply("2", "row_1", "Madrid", "Centre"), "B")
                .message(InboundMessages.quickReply("3", "CONFIRM_1", "Confirm"), "C")
                .message(InboundMessages.location("4", 40.4168, -3.7038, "Sol", "Puerta del Sol"), "D")
                .message(InboundMessages.image("5", "999", "menu"), "E")
                .message(InboundMessages.voiceNote("6", "998"), "F")
                .message(InboundMessages.document("7", "997", "bill.pdf", "application/pdf"), "G")
                .json();

        var messages = envelope.at("/entry/0/changes/0/value/messages");

        assertThat(messages.get(0).at("/interactive/button_reply/id").stringValue()).isEqualTo("yes_1");
        assertThat(messages.get(1).at("/interactive/list_reply/description").stringValue()).isEqualTo("Centre");
        assertThat(messages.get(2).at("/button/payload").stringValue()).isEqualTo("CONFIRM_1");
        assertThat(messages.get(3).at("/location/latitude").asDouble()).isEqualTo(40.4168);
        assertThat(messages.get(4).at("/image/caption").stringValue()).isEqualTo("menu");
        assertThat(messages.get(5).at("/audio/voice").asBoolean()).isTrue();
        assertThat(messages.get(6).at("/document/filename").stringValue()).isEqualTo("bill.pdf");
        assertThat(envelope.at("/entry/0/changes/0/value/contacts")).hasSize(7);
    }

    @Test
    void duplicatesDeliveredConcurrentlyAreByteIdenticalWithOneSignature() {
        var envelope = driver.notification().message(InboundMessages.text("34600111222", "hi"), "Ana").json();

        var deliveries = driver.deliverDuplicates(envelope, 5, true);

        assertThat(deliveries).hasSize(5).allMatch(Delivery::acknowledged);
        var received = receiver.received().await(5, WAIT);
        assertThat(received).extracting(RecordedRequest::bodyText).containsOnly(received.getFirst().bodyText());
        assertThat(received).extracting(r -> r.header("x-hub-signature-256")).containsOnly(deliveries.getFirst()
                .webhook().signature());
    }

    @Test
    void statusesArriveOutOfOrderReadFirst() {
        driver.deliverStatusesOutOfOrder("wamid.X", "34600111222");

        var statuses = receiver.received().await(3, WAIT).stream()
                .map(r -> r.json().at("/entry/0/changes/0/value/statuses/0/status").stringValue()).toList();
        assertThat(statuses).containsExactly("read", "delivered", "sent");
    }

    @Test
    void failedStatusCarriesTheErrorObject() {
        driver.deliverStatuses(StatusUpdates.failed("wamid.Y", "346", 131047, "Re-engagement message", "24h passed"));

        var status = receiver.received().await(1, WAIT).getFirst().json().at("/entry/0/changes/0/value/statuses/0");
        assertThat(status.path("status").stringValue()).isEqualTo("failed");
        assertThat(status.at("/errors/0/code").asInt()).isEqualTo(131047);
        assertThat(status.at("/errors/0/error_data/details").stringValue()).isEqualTo("24h passed");
    }

    @Test
    void verificationHandshakeEchoesTheChallenge() {
        assertThat(driver.verify(CapturingReceiver.VERIFY_TOKEN, "1158201444").responseBody()).isEqualTo("1158201444");
        assertThat(driver.verify("wrong", "1158201444").status()).isEqualTo(403);
    }

    @Test
    void deliveringAnInboundMessageOpensTheCustomersWindowInTheGraphFake() {
        try (var graph = GraphFake.start(GraphOptions.defaults().withWindowRule(WindowRule.REJECT))) {
            driver.notifying(graph).deliverMessage(InboundMessages.withTimestamp(
                    InboundMessages.text("34600111222", "hi"), Instant.now()), "Ana");

            var client = new GraphClient(graph);
            assertThat(client.send(GraphClient.text("34600111222", "hello")).statusCode()).isEqualTo(200);
            assertThat(client.send(GraphClient.text("34600999999", "hello")).statusCode()).isEqualTo(400);
        }
    }

    private static boolean verifies(RecordedRequest request) {
        var expected = hmac(request.body()).getBytes(StandardCharsets.US_ASCII);
        var actual = request.header("x-hub-signature-256").getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    /** An independent HMAC, not the driver's, so the test proves the driver rather than repeating it. */
    private static String hmac(byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
