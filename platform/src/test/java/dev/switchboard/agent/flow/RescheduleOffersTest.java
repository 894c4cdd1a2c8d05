package dev.switchboard.agent.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestPlatform;
import dev.switchboard.agent.AgentConversations;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.Messages;
import dev.switchboard.fakes.acme.AcmeBusinessApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rescheduling to a taken slot: the business API answers with the free ones, the flow offers them, and the customer
 * picks one by answering, without saying again what they wanted. John's and Emily's visits share a technician, so each
 * asks for the slot the other one holds now (read from the business API: earlier tests may have moved them).
 */
@PlatformTest
class RescheduleOffersTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AgentConversations chat;
    private final AcmeBusinessApi businessApi = TestPlatform.installation().businessApi();

    @Autowired
    RescheduleOffersTest(Contacts contacts, Conversations conversations, Messages messages, ChannelRouter router) {
        this.chat = new AgentConversations(contacts, conversations, messages, router);
    }

    @BeforeEach
    void clearRecordings() {
        businessApi.clearReceived();
    }

    @Test
    void inSpanishTheFreeSlotsAreOfferedAndElPrimeroTakesTheFirst() throws Exception {
        JsonNode taken = visitOf("C-1002");
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        chat.say(ACME, conversation, "quiero cambiar la fecha de la visita");
        assertThat(chat.say(ACME, conversation, "PAB123456")).contains("¿Qué día te viene bien?");

        Message offer = chat.exchange(ACME, conversation, "el " + taken.path("date").asString() + " por la "
                + (taken.path("window").asString().equals("morning") ? "mañana" : "tarde"));

        assertThat(offer.text()).startsWith("Ese hueco no está libre. Tengo:").endsWith("¿Cuál prefieres?");
        JsonNode rows = offer.content().path("interactive").path("list").path("rows");
        assertThat(offer.kind()).isEqualTo("interactive");
        assertThat(offer.content().path("interactive").path("list").path("button").asString()).isEqualTo("Ver huecos libres");
        assertThat(rows.size()).isEqualTo(4);
        assertThat(rows.get(0).path("id").asString()).matches("\\d{4}-\\d{2}-\\d{2}_(morning|afternoon)");
        assertThat(offer.text()).contains(rows.get(0).path("title").asString());

        String done = chat.say(ACME, conversation, "el primero");

        assertThat(done).isEqualTo("Perfecto: tu visita pasa al " + rows.get(0).path("title").asString() + " por la "
                + rows.get(0).path("description").asString() + ".");
        assertRescheduledTo(rows.get(0), "A-5004");
    }

    @Test
    void inEnglishAnUnclearAnswerListsThemAgainAndTheSecondOneTakesTheSecond() throws Exception {
        JsonNode taken = visitOf("C-1004");
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        chat.say(ACME, conversation, "I want to reschedule my visit");
        chat.say(ACME, conversation, "X1234567L");
        Message offer = chat.exchange(ACME, conversation, taken.path("date").asString() + " in the "
                + taken.path("window").asString());
        assertThat(offer.text()).startsWith("That slot isn't free. I have:");
        JsonNode rows = offer.content().path("interactive").path("list").path("rows");

        String again = chat.say(ACME, conversation, "hmm, I'm not sure");

        assertThat(again).startsWith("Which of these would you like?").contains("2) " + rows.get(1).path("title").asString());
        assertThat(chat.say(ACME, conversation, "the second one"))
                .isEqualTo("Great: your visit moves to " + rows.get(1).path("title").asString() + " in the "
                        + rows.get(1).path("description").asString() + ".");
        assertRescheduledTo(rows.get(1), "A-5002");
    }

    @Test
    void onWhatsappTappingAListRowPicksThatSlot() throws Exception {
        JsonNode taken = visitOf("C-1002");
        UUID conversation = chat.open(ACME, Channel.WHATSAPP);
        chat.say(ACME, conversation, "I want to reschedule my visit");
        chat.say(ACME, conversation, "my passport is PAB123456");
        Message offer = chat.exchange(ACME, conversation, taken.path("date").asString() + " in the "
                + taken.path("window").asString());
        JsonNode row = offer.content().path("interactive").path("list").path("rows").get(2);

        Message done = chat.tap(ACME, conversation, row.path("id").asString(), row.path("title").asString());

        assertThat(done.text()).isEqualTo("Great: your visit moves to " + row.path("title").asString() + " in the "
                + row.path("description").asString() + ".");
        assertRescheduledTo(row, "A-5004");
    }

    /** The one reschedule request that succeeded moved the visit to the picked slot. */
    private void assertRescheduledTo(JsonNode row, String appointment) {
        String[] slot = row.path("id").asString().split("_");
        assertThat(businessApi.received()).filteredOn(r -> r.path().endsWith("/" + appointment + "/reschedule"))
                .extracting(r -> JSON.readTree(r.body()).path("date").asString() + "_" + JSON.readTree(r.body()).path("window").asString())
                .endsWith(slot[0] + "_" + slot[1]);
    }

    /** The customer's visit as the business API has it now. */
    private JsonNode visitOf(String customer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(businessApi.baseUrl() + "/v1/customers/" + customer
                        + "/appointments?status=upcoming"))
                .header("Authorization", "Bearer " + TestPlatform.BUSINESS_API_TOKEN).header("Accept-Language", "en").build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("appointments").get(0);
        }
    }
}
