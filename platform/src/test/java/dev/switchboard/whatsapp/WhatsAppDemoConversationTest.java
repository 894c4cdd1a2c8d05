package dev.switchboard.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.TestPlatform;
import dev.switchboard.fakes.acme.AcmeBusinessApi;
import dev.switchboard.fakes.meta.InboundMessages;
import dev.switchboard.fakes.meta.SentMessage;
import dev.switchboard.fakes.meta.WebhookDriver;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The demo end to end on WhatsApp, against the fakes only: a customer writes in Spanish, the offline demo agent
 * identifies her and looks up her visit with the business API's tools, asks to confirm; she taps the answer,
 * the visit is cancelled, and the statuses of the last reply arrive out of order and end as read.
 *
 * <p>Emily Brown (passport PAB123456, visit A-5004) is a customer no other test changes.
 */
@PlatformTest
class WhatsAppDemoConversationTest {

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

    private final AcmeBusinessApi businessApi = TestPlatform.installation().businessApi();

    @Test
    void aSpanishCustomerCancelsHerVisitByTappingTheAnswer() {
        WhatsAppTestbed bed = WhatsAppTestbed.connect(api, tenants, secrets, accounts, owner);
        WebhookDriver driver = bed.driver();
        String customer = WhatsAppTestbed.newCustomer();

        driver.deliverMessage(InboundMessages.text(customer, "Hola, quiero cancelar mi visita. Mi pasaporte es PAB123456"),
                "Emily");

        SentMessage question = awaitReplies(bed, customer, 1).getLast();
        assertThat(text(question)).contains("Emily Brown").contains("¿Seguro que quieres cancelarla?");
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path)
                .contains("/v1/identity/validate", "/v1/customers/C-1004/appointments");
        Choice yes = offeredYes(question);
        var tap = InboundMessages.withContext(InboundMessages.buttonReply(customer, yes.id(), yes.title()),
                driver.number().displayPhoneNumber(), question.wamid());
        driver.deliverMessage(tap, "Emily");

        SentMessage done = awaitReplies(bed, customer, 2).getLast();
        assertThat(text(done)).startsWith("Hecho: he cancelado tu visita del");
        assertThat(businessApi.received()).anySatisfy(r -> assertThat(r.path())
                .isEqualTo("/v1/customers/C-1004/appointments/A-5004/cancel"));
        assertThat(bed.customerMessage(tap.path("id").asString()).orElseThrow().get("kind")).isEqualTo("interactive_reply");

        driver.deliverStatusesOutOfOrder(done.wamid(), customer);
        WhatsAppTestbed.await("the reply to be read", () -> "read".equals(status(done.wamid())));
        // The fake reports the question's own statuses on its own schedule, processed like any other webhook.
        WhatsAppTestbed.await("the question to be delivered", () -> List.of("delivered", "read").contains(status(question.wamid())));
    }

    /** The button the agent offered for "yes", or the answer typed as such when it offered the question as text. */
    private static Choice offeredYes(SentMessage question) {
        JsonNode buttons = question.body().at("/interactive/action/buttons");
        return StreamSupport.stream(buttons.spliterator(), false).map(b -> b.path("reply"))
                .filter(r -> r.path("title").asString().toLowerCase().matches("s[ií].*|yes.*|confirm.*"))
                .map(r -> new Choice(r.path("id").asString(), r.path("title").asString()))
                .findFirst().orElse(new Choice("yes", "Sí"));
    }

    private record Choice(String id, String title) {
    }

    private static String text(SentMessage message) {
        return message.type().equals("interactive") ? message.body().at("/interactive/body/text").asString()
                : message.body().at("/text/body").asString();
    }

    private String status(String wamid) {
        return owner.jdbc().sql("select delivery_status from messages where provider_message_id = ? and role <> 'customer'")
                .param(wamid).query(String.class).optional().orElse(null);
    }

    private static List<SentMessage> awaitReplies(WhatsAppTestbed bed, String customer, int count) {
        WhatsAppTestbed.await(count + " replies", () -> bed.graph().sentMessages().stream()
                .filter(m -> m.to().equals(customer)).count() >= count);
        return bed.graph().sentMessages().stream().filter(m -> m.to().equals(customer)).toList();
    }
}
