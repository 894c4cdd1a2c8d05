package dev.switchboard.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestPlatform;
import dev.switchboard.agent.AgentConversations;
import dev.switchboard.agent.AgentTurns;
import dev.switchboard.agent.TenantEdits;
import dev.switchboard.agent.TurnListener;
import dev.switchboard.agent.TurnOutcome;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Messages;
import dev.switchboard.fakes.acme.AcmeBusinessApi;
import dev.switchboard.fakes.llm.Failure;
import dev.switchboard.fakes.llm.Turn;
import dev.switchboard.fakes.openai.ChatCompletionRequest;
import dev.switchboard.fakes.openai.OpenAiFake;
import dev.switchboard.fakes.openai.OpenAiOptions;
import dev.switchboard.fakes.openai.Quirk;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agent on an OpenAI-compatible server (as Ollama, vLLM or llama.cpp serve chat completions), through the real
 * LangChain4j client, against the fake: Acme's directory says {@code provider: openai-compatible} and points
 * {@code agent.baseUrl} at the fake for this class, with its own key as the tenant's {@code openai_api_key} secret.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiCompatibleTurnTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);
    private static final String MODEL = "qwen2.5:7b-instruct";
    private static final String KEY = "sk-local-test";

    private final OpenAiFake openai = OpenAiFake.start(OpenAiOptions.defaults().withApiKey(KEY));
    private final AcmeBusinessApi businessApi = TestPlatform.installation().businessApi();
    private final AgentConversations chat;
    private TenantEdits acme;

    @Autowired TenantsFolder folder;
    @Autowired Tenants tenants;
    @Autowired TenantSecrets secrets;
    @Autowired AgentTurns agentTurns;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Autowired
    OpenAiCompatibleTurnTest(Contacts contacts, Conversations conversations, Messages messages) {
        this.chat = new AgentConversations(contacts, conversations, messages);
    }

    @BeforeAll
    void pointAcmeAtTheFake() {
        acme = new TenantEdits(folder, tenants, TenantFixtures.ACME);
        TenantScope.run(ACME, () -> secrets.store(ACME, "openai_api_key", KEY, null));
        pointAt(openai);
    }

    @AfterAll
    void restoreAcme() {
        TenantScope.run(ACME, () -> secrets.delete(ACME, "openai_api_key"));
        acme.restore();
        openai.close();
    }

    @BeforeEach
    void reset() {
        openai.reset();
        businessApi.clearReceived();
    }

    @Test
    void aStreamedToolCallThenAnAnswerWithTheResultsSentBackAsToolMessages() throws Exception {
        openai.enqueue(Turn.text("Let me check.").andToolCall("validate_document", "{\"document\":\"X1234567L\"}")
                .andToolCall("get_appointment", "{}"));
        openai.enqueue(Turn.text("John, your visit is today in the afternoon.").withInterTokenDelay(Duration.ofMillis(5)));
        UUID conversation = chat.open(ACME, Channel.VOICE);
        StringBuilder streamed = new StringBuilder();

        TurnOutcome outcome = TenantScope.call(ACME, () -> agentTurns.stream(conversation,
                "My NIE is X1234567L, when is my visit?", new TurnListener() {
                    @Override
                    public void onTextDelta(String delta) {
                        streamed.append(delta);
                    }
                })).completion().get(20, TimeUnit.SECONDS);

        assertThat(outcome.ending()).isEqualTo(TurnOutcome.Ending.ANSWERED);
        assertThat(outcome.reply()).isEqualTo("John, your visit is today in the afternoon.");
        assertThat(streamed.toString()).isEqualTo("Let me check.John, your visit is today in the afternoon.");
        List<ChatCompletionRequest> requests = openai.requests();
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(r.model()).isEqualTo(MODEL);
            assertThat(r.streaming()).isTrue();
            assertThat(r.bearerToken()).isEqualTo(KEY);
        });
        assertThat(requests.getFirst().toolNames()).contains("validate_document", "get_appointment");
        assertThat(requests.get(1).toolMessages()).hasSize(2);
        assertThat(requests.get(1).toolMessages().toString()).contains("John Smith").contains("A-5002");
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path)
                .containsExactly("/v1/identity/validate", "/v1/customers/C-1002/appointments");
        assertThat(usage(outcome.turnId())).containsEntry("provider", "openai-compatible").containsEntry("model", MODEL)
                .containsEntry("calls", 2L);
    }

    @Test
    void aRateLimitIsRetriedAfterTheRetryAfterTheServerAskedFor() {
        openai.enqueue(Turn.failing(Failure.rateLimited(Duration.ofSeconds(1))));
        openai.enqueue(Turn.text("Sure, happy to help."));
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        assertThat(chat.say(ACME, conversation, "Hi, I have a question")).isEqualTo("Sure, happy to help.");

        List<ChatCompletionRequest> requests = openai.requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).raw().receivedAt(), requests.get(1).raw().receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    /** The deviations local servers are known for: a tool call still runs, and its result still reaches the model. */
    @ParameterizedTest
    @EnumSource(Quirk.class)
    void aToolCallSurvivesTheQuirksOfLocalServers(Quirk quirk) {
        try (OpenAiFake quirky = OpenAiFake.start(OpenAiOptions.defaults().withApiKey(KEY).withQuirks(quirk))) {
            pointAt(quirky);
            quirky.enqueue(Turn.toolCall("validate_document", "{\"document\":\"X1234567L\"}"));
            quirky.enqueue(Turn.text("Thank you, John."));
            UUID conversation = chat.open(ACME, Channel.WEBCHAT);

            assertThat(chat.say(ACME, conversation, "My NIE is X1234567L")).isEqualTo("Thank you, John.");
            assertThat(quirky.requests().get(1).toolMessages().toString()).contains("John Smith");
        } finally {
            pointAt(openai);
        }
    }

    private void pointAt(OpenAiFake server) {
        acme.tenantYaml(yaml -> yaml.replaceAll("(?m)^  provider: .*\n(  baseUrl: .*\n)?",
                        "  provider: openai-compatible\n  baseUrl: " + server.baseUrl() + "\n")
                .replaceAll("(?m)^  model: .*$", "  model: " + MODEL).replaceAll("(?m)^  fallbackModel: .*\n", ""));
    }

    private Map<String, Object> usage(UUID turn) {
        return TenantScope.call(ACME, () -> tx.execute(s -> jdbc.sql("""
                select min(provider) as provider, min(model) as model, count(*) as calls from llm_calls
                 where turn_id = :t and status = 'ok' and output_tokens > 0""").param("t", turn).query().singleRow()));
    }
}
