package dev.switchboard.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.TestPlatform;
import dev.switchboard.fakes.meta.InboundMessages;
import dev.switchboard.fakes.meta.SentMessage;
import dev.switchboard.fakes.meta.WebhookDriver;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every inbound type Meta sends lands in the conversation in the platform's terms, once, whatever redelivers it. */
@PlatformTest
class InboundMessagesTest {

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

    WhatsAppTestbed bed;
    WebhookDriver driver;

    @BeforeEach
    void connect() {
        bed = WhatsAppTestbed.connect(api, tenants, secrets, accounts, owner);
        driver = bed.driver();
    }

    @Test
    void interactiveRepliesQuickRepliesAndLocationsBecomeTheirNormalisedShapes() {
        String customer = WhatsAppTestbed.newCustomer();
        ObjectNode button = InboundMessages.buttonReply(customer, "cancel_visit", "Cancelar visita");
        ObjectNode row = InboundMessages.listReply(customer, "slot_2", "Jueves tarde", "14:00-20:00");
        ObjectNode quick = InboundMessages.quickReply(customer, "CONFIRM_123", "Confirmar");
        ObjectNode place = InboundMessages.location(customer, 40.4168, -3.7038, "Puerta del Sol", "Madrid");

        assertThat(driver.deliver(driver.notification().message(button, "Ana").message(row, "Ana")
                .message(quick, "Ana").message(place, "Ana").json()).status()).isEqualTo(200);

        JsonNode tapped = content(bed.awaitCustomerMessage(id(button)));
        assertThat(tapped.path("id").asString()).isEqualTo("cancel_visit");
        assertThat(tapped.path("title").asString()).isEqualTo("Cancelar visita");
        assertThat(bed.awaitCustomerMessage(id(row)).get("kind")).isEqualTo("interactive_reply");
        assertThat(content(bed.awaitCustomerMessage(id(row))).path("id").asString()).isEqualTo("slot_2");
        assertThat(content(bed.awaitCustomerMessage(id(quick))).path("id").asString()).isEqualTo("CONFIRM_123");
        Map<String, Object> location = bed.awaitCustomerMessage(id(place));
        assertThat(location.get("kind")).isEqualTo("location");
        assertThat(content(location).path("latitude").asDouble()).isEqualTo(40.4168);
        assertThat((String) location.get("text")).contains("Puerta del Sol");
    }

    @Test
    void anImageIsFetchedStoredUnderTheHomeAndDescribed() throws Exception {
        byte[] jpeg = randomBytes(2048);
        String mediaId = bed.graph().media().put(jpeg, "image/jpeg");
        ObjectNode image = InboundMessages.image(WhatsAppTestbed.newCustomer(), mediaId, "la caldera hace este ruido");

        driver.deliverMessage(image, "Luis");

        Map<String, Object> stored = bed.awaitCustomerMessage(id(image));
        JsonNode content = content(stored);
        assertThat(stored.get("kind")).isEqualTo("media");
        assertThat(content.path("mediaType").asString()).isEqualTo("image");
        assertThat(content.path("description").asString()).contains("an image").contains("la caldera hace este ruido");
        Path file = TestPlatform.installation().home().resolve(content.path("reference").asString());
        assertThat(Files.readAllBytes(file)).isEqualTo(jpeg);
    }

    @Test
    void aDocumentAndAVoiceNoteAreStoredAndTheAgentIsToldWhatTheyAre() {
        String pdfId = bed.graph().media().put("%PDF-1.4 factura".getBytes(StandardCharsets.UTF_8), "application/pdf");
        String oggId = bed.graph().media().put(randomBytes(4096), "audio/ogg");
        String customer = WhatsAppTestbed.newCustomer();
        ObjectNode document = InboundMessages.document(customer, pdfId, "factura-marzo.pdf", "application/pdf");
        ObjectNode voice = InboundMessages.voiceNote(customer, oggId);

        driver.deliver(driver.notification().message(document, "Marta").message(voice, "Marta").json());

        assertThat(content(bed.awaitCustomerMessage(id(document))).path("description").asString())
                .contains("a document named \"factura-marzo.pdf\"").contains("application/pdf");
        assertThat(content(bed.awaitCustomerMessage(id(voice))).path("description").asString())
                .contains("a voice note").contains("No transcription is available");
    }

    @Test
    void mediaMetaNoLongerHasIsStillRoutedSayingSo() {
        ObjectNode image = InboundMessages.image(WhatsAppTestbed.newCustomer(), "1234567890123456", null);

        driver.deliverMessage(image, "Luis");

        JsonNode content = content(bed.awaitCustomerMessage(id(image)));
        assertThat(content.path("reference").isNull()).isTrue();
        assertThat(content.path("description").asString()).contains("could not be retrieved");
    }

    @Test
    void anUnsupportedTypeIsStoredLoggedAndAnsweredPolitelyOnceEvenWhenDeliveredThreeTimesAtOnce() {
        String customer = WhatsAppTestbed.newCustomer();
        ObjectNode sticker = InboundMessages.media(customer, "sticker", "778899", "image/webp", "abc=");
        JsonNode envelope = driver.notification().message(sticker, "Pepe").json();

        var deliveries = driver.deliverDuplicates(envelope, 3, true);

        assertThat(deliveries).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(bed.awaitCustomerMessage(id(sticker)).get("kind")).isEqualTo("unsupported");
        List<SentMessage> replies = awaitRepliesTo(customer, 1);
        assertThat(replies.getFirst().body().at("/text/body").asString()).contains("no puedo leer este tipo de mensaje");
        sleep(1500);
        assertThat(repliesTo(customer)).hasSize(1);
        assertThat(bed.count("select count(*) from messages where provider_message_id = ? and role = 'customer'",
                id(sticker))).isEqualTo(1);
        assertThat(bed.count("select count(*) from whatsapp_inbox where event_key = ?", id(sticker))).isEqualTo(1);
    }

    @Test
    void theSameTextDeliveredThreeTimesConcurrentlyIsStoredAndAnsweredOnce() {
        String customer = WhatsAppTestbed.newCustomer();
        ObjectNode text = InboundMessages.text(customer, "quiero cancelar mi visita");

        driver.deliverDuplicates(driver.notification().message(text, "Ana").json(), 3, true);

        bed.awaitCustomerMessage(id(text));
        assertThat(awaitRepliesTo(customer, 1).getFirst().body().toString()).contains("DNI");
        sleep(2000);
        assertThat(repliesTo(customer)).hasSize(1);
        assertThat(bed.count("select count(*) from messages where provider_message_id = ? and role = 'customer'",
                id(text))).isEqualTo(1);
    }

    private List<SentMessage> repliesTo(String customer) {
        return bed.graph().sentMessages().stream().filter(m -> m.to().equals(customer)).toList();
    }

    private List<SentMessage> awaitRepliesTo(String customer, int count) {
        WhatsAppTestbed.await(count + " replies to " + customer, () -> repliesTo(customer).size() >= count);
        return repliesTo(customer);
    }

    private static String id(ObjectNode message) {
        return message.path("id").asString();
    }

    private static JsonNode content(Map<String, Object> row) {
        return TestApi.JSON.readTree((String) row.get("content"));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
