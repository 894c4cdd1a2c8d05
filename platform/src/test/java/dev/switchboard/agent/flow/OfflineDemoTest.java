package dev.switchboard.agent.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestPlatform;
import dev.switchboard.agent.AgentConversations;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.fakes.acme.AcmeBusinessApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Messages;

/** The demo tenant with no LLM key: its flow answers, through the same tools, in Spanish and English. */
@PlatformTest
class OfflineDemoTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);

    private final AgentConversations chat;

    @Autowired
    OfflineDemoTest(Contacts contacts, Conversations conversations, Messages messages) {
        this.chat = new AgentConversations(contacts, conversations, messages);
    }

    private final AcmeBusinessApi businessApi = TestPlatform.installation().businessApi();

    @Test
    void cancellingAVisitInSpanishAsksForTheDocumentThenConfirmsThenCancels() {
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        assertThat(chat.say(ACME, conversation, "quiero cancelar mi visita")).contains("DNI");
        String confirm = chat.say(ACME, conversation, "mi DNI es 12345678Z");
        assertThat(confirm).contains("María García").contains("¿Seguro que quieres cancelarla?");
        businessApi.clearReceived();
        String done = chat.say(ACME, conversation, "sí");

        assertThat(done).startsWith("Hecho: he cancelado tu visita del");
        assertThat(businessApi.received()).anySatisfy(r -> assertThat(r.path())
                .isEqualTo("/v1/customers/C-1001/appointments/A-5001/cancel"));
        assertThat(chat.conversation(ACME, conversation).brain()).isEqualTo("flow");
        assertThat(chat.all(ACME, conversation)).anySatisfy(m -> {
            assertThat(m.role()).isEqualTo(MessageRole.TOOL);
            assertThat(m.content().path("name").asString()).isEqualTo("cancel_services");
            assertThat(m.content().path("status").asString()).isEqualTo("ok");
        });
    }

    @Test
    void technicianEtaInEnglishUsesTheAppointmentAndTheTravelTime() {
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        assertThat(chat.say(ACME, conversation, "when will the technician arrive?")).contains("DNI, NIE or passport");
        businessApi.clearReceived();
        String eta = chat.say(ACME, conversation, "X1234567L");

        assertThat(eta).contains("Thank you, John Smith").containsPattern("Javier Gómez is about \\d+ minutes away")
                .containsPattern("around \\d{2}:\\d{2}");
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path)
                .contains("/v1/identity/validate", "/v1/customers/C-1002/appointments", "/v1/travel-time");
        assertThat(chat.conversation(ACME, conversation).language()).isEqualTo("en");
    }

    @Test
    void whoIsComingAndAskingForAHuman() {
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        chat.say(ACME, conversation, "¿quién viene a mi casa? mi NIE es X1234567L");
        String operator = chat.say(ACME, conversation, "¿qué técnico me han asignado?");
        assertThat(operator).contains("Javier Gómez").contains("ACM-5173");

        String human = chat.say(ACME, conversation, "quiero hablar con una persona");
        assertThat(human).contains("persona");
        assertThat(chat.conversation(ACME, conversation).handoffReason()).isEqualTo("customer_asked_for_human");
    }

    @Test
    void somethingItDoesNotUnderstandGetsTheFallback() {
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        assertThat(chat.say(ACME, conversation, "el gato azul come pizza los martes"))
                .startsWith("No te he entendido bien");
    }
}
