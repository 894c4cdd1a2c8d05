package dev.switchboard.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestPlatform;
import dev.switchboard.agent.AgentConversations;
import dev.switchboard.agent.TenantEdits;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contact;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.fakes.acme.AcmeBusinessApi;
import dev.switchboard.fakes.google.DistanceMatrixFake;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.pinecone.PineconeFake;
import dev.switchboard.fakes.pinecone.TrigramEmbedder;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-ins that reach third parties, through the platform's own clients, against the Distance Matrix and
 * Pinecone fakes: used when the tenant has the keys, the business API otherwise. Acme gets a Pinecone index for this
 * class only; the keys are stored per test and removed after it.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdPartyToolsTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DistanceMatrixFake maps = TestPlatform.installation().maps();
    private final AcmeBusinessApi businessApi = TestPlatform.installation().businessApi();
    private final PineconeFake pinecone = PineconeFake.start();
    private final AgentConversations chat;
    private TenantEdits acme;

    @Autowired TenantsFolder folder;
    @Autowired Tenants tenants;
    @Autowired TenantSecrets secrets;
    @Autowired ToolCatalog catalog;
    @Autowired ToolCalls toolCalls;

    @Autowired
    ThirdPartyToolsTest(Contacts contacts, Conversations conversations, Messages messages) {
        this.chat = new AgentConversations(contacts, conversations, messages);
    }

    @BeforeAll
    void giveAcmeAPineconeIndex() {
        acme = new TenantEdits(folder, tenants, TenantFixtures.ACME);
        acme.tenantYaml(yaml -> yaml.stripTrailing() + "\n  pinecone_index:\n    url: " + pinecone.baseUrl() + "\n");
    }

    @AfterAll
    void restoreAcme() {
        acme.restore();
        pinecone.close();
    }

    @BeforeEach
    void clearRecordings() {
        businessApi.clearReceived();
    }

    @AfterEach
    void forgetTheKeys() {
        TenantScope.run(ACME, () -> {
            secrets.delete(ACME, "google_maps_api_key");
            secrets.delete(ACME, "pinecone_api_key");
        });
    }

    @Test
    void theTechnicianEtaComesFromGoogleWhenTheTenantHasAMapsKey() {
        storeSecret("google_maps_api_key", "test-google-key");
        int before = maps.requests().size();
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        chat.say(ACME, conversation, "when will the technician arrive?");
        String eta = chat.say(ACME, conversation, "X1234567L");

        JsonNode travel = toolRow(conversation, "get_travel_time").content().path("data");
        assertThat(travel.path("source").asString()).isEqualTo("google_maps");
        assertThat(eta).contains("Javier Gómez is about " + travel.path("minutes").asLong() + " minutes away");
        assertThat(maps.requests()).hasSize(before + 1);
        RecordedRequest asked = maps.requests().getLast();
        assertThat(asked.uri().getRawQuery()).contains("key=test-google-key").contains("mode=driving")
                .contains("origins=40.401%2C-3.69").contains("language=en");
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path).doesNotContain("/v1/travel-time");
    }

    @Test
    void aRequestGoogleRefusesFailsTheCallThoughItCameBackWithHttp200() {
        storeSecret("google_maps_api_key", "not-the-right-key");

        assertThatThrownBy(() -> invoke("get_travel_time", "{\"origin\":\"Puerta del Sol\",\"destination\":\"Atocha\"}"))
                .isInstanceOf(ToolFailed.class).hasMessage("the maps service refused the request (REQUEST_DENIED)");
    }

    @Test
    void placesGoogleCannotFindOrReachFailWithTheElementsStatus() throws ToolFailed {
        storeSecret("google_maps_api_key", "test-google-key");

        assertThatThrownBy(() -> invoke("get_travel_time", "{\"origin\":\"Madrid, Spain\",\"destination\":\"New York\"}"))
                .isInstanceOf(ToolFailed.class).hasMessage("there is no driving route between those places");
        assertThatThrownBy(() -> invoke("get_travel_time", "{\"origin\":\"Atlantis\",\"destination\":\"Madrid\"}"))
                .isInstanceOf(ToolFailed.class).hasMessage("the maps service could not find the origin or the destination");
        JsonNode route = invoke("get_travel_time", "{\"origin\":\"Puerta del Sol\",\"destination\":\"Atocha\"}");
        assertThat(route.path("source").asString()).isEqualTo("google_maps");
        assertThat(route.path("distanceMeters").asLong()).isPositive();
    }

    @Test
    void normalizeAddressQueriesThePineconeIndexEmbeddedLikeItsRecords() throws ToolFailed {
        storeSecret("pinecone_api_key", "test-pinecone-key");
        int before = pinecone.requests().size();

        JsonNode result = invoke("normalize_address", "{\"address\":\"c/ mayor 1 madrid\"}");

        assertThat(result.path("source").asString()).isEqualTo("pinecone");
        assertThat(result.path("matches").get(0).path("address").asString()).isEqualTo("Calle Mayor, 1, 28013 Madrid, Spain");
        assertThat(result.path("matches").get(0).path("lat").asDouble()).isEqualTo(40.4155);
        RecordedRequest query = pinecone.requests().get(before);
        assertThat(query.method() + " " + query.path()).isEqualTo("POST /query");
        assertThat(query.header("api-key")).isEqualTo("test-pinecone-key");
        assertThat(query.json().path("namespace").asString()).isEqualTo("addresses");
        assertThat(query.json().path("includeMetadata").asBoolean()).isTrue();
        float[] sent = new float[query.json().path("vector").size()];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = query.json().path("vector").get(i).floatValue();
        }
        assertThat(sent).containsExactly(TrigramEmbedder.embed("c/ mayor 1 madrid"));
        assertThat(businessApi.received()).isEmpty();
    }

    @Test
    void withoutAPineconeKeyTheBusinessApiNormalisesTheAddress() throws ToolFailed {
        int before = pinecone.requests().size();

        JsonNode result = invoke("normalize_address", "{\"address\":\"calle serrano 45 madrid\"}");

        assertThat(result.path("matches").isEmpty()).isFalse();
        assertThat(pinecone.requests()).hasSize(before);
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path).containsExactly("/v1/addresses/normalize");
    }

    private void storeSecret(String name, String value) {
        TenantScope.run(ACME, () -> secrets.store(ACME, name, value, null));
    }

    /** The tool as the catalog serves it to Acme, called as the executor would (inside the tenant's scope). */
    private JsonNode invoke(String tool, String arguments) throws ToolFailed {
        var tenant = tenants.find(ACME).orElseThrow();
        Contact nobody = new Contact(ACME, UUID.randomUUID(), null, "en", null, null, null, Instant.now());
        ToolContext context = new ToolContext(tenant, UUID.randomUUID(), UUID.randomUUID(), nobody, Channel.WEBCHAT, "en");
        ToolInvocation invocation = new ToolInvocation(context, "call-1", JSON.readTree(arguments));
        Tool found = catalog.find(tenant, tool).orElseThrow();
        return TenantScope.callChecked(ACME, null, () -> found.invoke(invocation)).data();
    }

    private Message toolRow(UUID conversation, String name) {
        return chat.all(ACME, conversation).stream().filter(m -> m.role() == MessageRole.TOOL)
                .filter(m -> m.content().path("name").asString().equals(name)).reduce((a, b) -> b).orElseThrow();
    }
}
