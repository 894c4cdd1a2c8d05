package dev.switchboard.whatsapp;

import static dev.switchboard.whatsapp.WhatsAppTestbed.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.fakes.meta.BusinessNumber;
import dev.switchboard.fakes.meta.Delivery;
import dev.switchboard.fakes.meta.InboundMessages;
import dev.switchboard.fakes.meta.SignedWebhook;
import dev.switchboard.fakes.meta.WebhookDriver;
import dev.switchboard.fakes.meta.WebhookEncoding;
import dev.switchboard.fakes.meta.WebhookSignature;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The webhook edge: the handshake, signatures over the raw bytes (Meta's escaped non-ASCII included), the
 * receiving number, and nothing stored for anything refused.
 */
@PlatformTest
class WhatsAppWebhookTest {

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
    void handshakeEchoesTheChallengeOnlyForTheVerifyToken() {
        Delivery good = driver.verify(WhatsAppTestbed.VERIFY_TOKEN, "1158201444");
        Delivery bad = driver.verify("guessed-token", "1158201444");

        assertThat(good.status()).isEqualTo(200);
        assertThat(good.responseBody()).isEqualTo("1158201444");
        assertThat(bad.status()).isEqualTo(403);
    }

    @Test
    void missingOrWrongSignatureIsRefusedAndNothingIsStored() {
        var message = InboundMessages.text(WhatsAppTestbed.newCustomer(), "hola");
        SignedWebhook signed = driver.sign(driver.notification().message(message, "Ana").json(),
                WebhookEncoding.ESCAPED_UNICODE);
        String wamid = message.path("id").asString();

        Delivery unsigned = driver.post(new SignedWebhook(signed.body(), ""));
        Delivery forged = driver.post(new SignedWebhook(signed.body(), new WebhookSignature("not-the-secret").header(signed.body())));
        Delivery malformed = driver.post(new SignedWebhook(signed.body(), "sha256=xyz"));

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(bed.count("select count(*) from whatsapp_inbox where event_key = ?", wamid)).isZero();
    }

    @Test
    void escapedNonAsciiVerifiesOverTheRawBytesButAReserialisedCopyDoesNot() {
        String text = "¿Cuándo llega el técnico? Año 2026, señal débil 😀";
        var message = InboundMessages.text(WhatsAppTestbed.newCustomer(), text);
        JsonNode envelope = driver.notification().message(message, "Begoña").json();
        SignedWebhook asMetaSendsIt = driver.sign(envelope, WebhookEncoding.ESCAPED_UNICODE);
        byte[] reserialised = TestApi.JSON.writeValueAsBytes(TestApi.JSON.readTree(asMetaSendsIt.body()));

        assertThat(asMetaSendsIt.bodyText()).contains("\\u00bf").doesNotContain("¿");
        assertThat(reserialised).isNotEqualTo(asMetaSendsIt.body());
        Delivery copy = driver.post(new SignedWebhook(reserialised, asMetaSendsIt.signature()));
        Delivery original = driver.post(asMetaSendsIt);

        assertThat(copy.status()).isEqualTo(401);
        assertThat(original.status()).isEqualTo(200);
        var stored = bed.awaitCustomerMessage(message.path("id").asString());
        assertThat(stored.get("text")).isEqualTo(text);
        assertThat(stored.get("kind")).isEqualTo("text");
    }

    @Test
    void rawUtf8BodiesVerifyToo() {
        var message = InboundMessages.text(WhatsAppTestbed.newCustomer(), "Gracias, mañana está bien");

        Delivery delivery = driver.post(driver.sign(driver.notification().message(message, "Iñaki").json(),
                WebhookEncoding.RAW_UTF8));

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(bed.awaitCustomerMessage(message.path("id").asString()).get("text")).isEqualTo("Gracias, mañana está bien");
    }

    @Test
    void aNotificationForAnotherBusinessNumberIsRefused() {
        var stranger = WebhookDriver.create(bed.webhookUrl(), APP_SECRET,
                new BusinessNumber("102290129340398", "999999999999999", "15550000000"));
        var message = InboundMessages.text(WhatsAppTestbed.newCustomer(), "hola");

        Delivery delivery = stranger.deliverMessage(message, "Ana");

        assertThat(delivery.status()).isEqualTo(403);
        assertThat(bed.count("select count(*) from whatsapp_inbox where event_key = ?", message.path("id").asString())).isZero();
    }

    @Test
    void unknownTenantsAndTenantsWithoutWhatsAppAnswer404() {
        var nobody = WebhookDriver.create(java.net.URI.create(api.baseUrl() + "/webhooks/whatsapp/globex"), APP_SECRET,
                BusinessNumber.demo());

        Delivery delivery = nobody.deliverMessage(InboundMessages.text(WhatsAppTestbed.newCustomer(), "hi"), "Ana");

        assertThat(delivery.status()).isEqualTo(404);
    }

    @Test
    void pathsThatNameNoTenantAnswer404() {
        assertThat(api.request("POST", "/webhooks/whatsapp/").json("{}").send().status()).isEqualTo(404);
        assertThat(api.request("POST", "/webhooks/whatsapp/ACME").json("{}").send().status()).isEqualTo(404);
        assertThat(api.request("POST", "/webhooks/whatsapp/acme/extra").json("{}").send().status()).isEqualTo(404);
        assertThat(api.request("GET", "/webhooks/whatsapp/acme/x?hub.mode=subscribe").send().status()).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotJsonButCorrectlySignedIs400() {
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);

        Delivery delivery = driver.post(new SignedWebhook(body, new WebhookSignature(APP_SECRET).header(body)));

        assertThat(delivery.status()).isEqualTo(400);
    }
}
