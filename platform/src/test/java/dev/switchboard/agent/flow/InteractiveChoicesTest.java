package dev.switchboard.agent.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.agent.AgentConversations;
import dev.switchboard.agent.TenantEdits;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.Messages;
import dev.switchboard.tenant.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline flow's replies carry the choices their formatter offers on the channel (kind {@code interactive},
 * {@code content.interactive}), and a tapped choice is understood by its id. For this class Acme's Spanish "cancel"
 * button reads "❌", a title no example resembles, so only its id can say what it means.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteractiveChoicesTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AgentConversations chat;
    private TenantEdits acme;

    @Autowired TenantsFolder folder;
    @Autowired Tenants tenants;

    @Autowired
    InteractiveChoicesTest(Contacts contacts, Conversations conversations, Messages messages, ChannelRouter router) {
        this.chat = new AgentConversations(contacts, conversations, messages, router);
    }

    @BeforeAll
    void anEmojiCancelButton() {
        acme = new TenantEdits(folder, tenants, TenantFixtures.ACME);
        acme.file("formatters/appointment.yaml", yaml -> yaml.replace("title: \"Cancelar visita\"", "title: \"❌\""));
    }

    @AfterAll
    void restoreAcme() {
        acme.restore();
    }

    @Test
    void onWhatsappTheVisitComesWithTheFormattersButtonsAndATappedButtonMeansTheIntentItNames() {
        UUID conversation = chat.open(ACME, Channel.WHATSAPP);
        assertThat(chat.say(ACME, conversation, "¿cuándo es mi visita?")).contains("DNI");

        Message visit = chat.exchange(ACME, conversation, "87654321X");

        assertThat(visit.text()).contains("Gracias, Laura Martínez").contains("Tu próxima visita es el");
        assertThat(visit.kind()).isEqualTo("interactive");
        assertThat(visit.content().path("interactive")).isEqualTo(JSON.readTree("""
                {"buttons":[{"id":"confirm_visit","title":"Confirmar visita"},{"id":"cancel_visit","title":"❌"},
                            {"id":"reschedule_visit","title":"Cambiar fecha"}]}"""));
        assertThat(visit.content().path("intent").asString()).isEqualTo("visit_info");

        Message tapped = chat.tap(ACME, conversation, "cancel_visit", "❌");

        assertThat(tapped.text()).contains("¿Seguro que quieres cancelarla?");
        assertThat(tapped.content().path("intent").asString()).isEqualTo("cancel_visit");
        assertThat(chat.say(ACME, conversation, "no")).startsWith("De acuerdo, tu visita sigue en pie");
    }

    @Test
    void onWebChatWhereTheFormatterOffersNoChoicesTheReplyIsPlainText() {
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        chat.say(ACME, conversation, "when is my visit?");

        Message visit = chat.exchange(ACME, conversation, "87654321X");

        assertThat(visit.text()).contains("Your next visit is on");
        assertThat(visit.kind()).isEqualTo("text");
        assertThat(visit.content().has("interactive")).isFalse();
    }
}
