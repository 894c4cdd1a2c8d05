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
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.ConversationStatus;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.fakes.acme.AcmeBusinessApi;
import dev.switchboard.fakes.anthropic.AnthropicFake;
import dev.switchboard.fakes.anthropic.AnthropicOptions;
import dev.switchboard.fakes.llm.Failure;
import dev.switchboard.fakes.llm.Turn;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantConfiguration;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The agent against the fake Anthropic Messages API through the real LangChain4j client, with the demo tenant's
 * tools hitting the demo business API fake. The acme tenant is pointed at the fake for this class only.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmTurnTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);
    private static final String PRIMARY = "claude-haiku-4-5";
    private static final String FALLBACK = "claude-sonnet-4-5";

    private final AnthropicFake anthropic = AnthropicFake.start(AnthropicOptions.defaults().withApiKey("sk-test"));
    private final AcmeBusinessApi businessApi = TestPlatform.installation().businessApi();
    private final AgentConversations chat;
    private TenantEdits acme;

    @Autowired TenantsFolder folder;
    @Autowired Tenants tenants;
    @Autowired TenantSecrets secrets;
    @Autowired TenantConfiguration configuration;
    @Autowired AgentTurns agentTurns;
    @Autowired LlmLoop loop;
    @Autowired TurnScheduler scheduler;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Autowired
    LlmTurnTest(Contacts contacts, Conversations conversations, Messages messages, ChannelRouter router) {
        this.chat = new AgentConversations(contacts, conversations, messages, router);
    }

    @BeforeAll
    void pointAcmeAtTheFake() {
        acme = new TenantEdits(folder, tenants, TenantFixtures.ACME);
        TenantScope.run(ACME, () -> secrets.store(ACME, "anthropic_api_key", "sk-test", null));
        acme.tenantYaml(yaml -> yaml.replace("  provider: anthropic\n", "  provider: anthropic\n  baseUrl: " + anthropic.baseUrl() + "\n"));
    }

    @AfterAll
    void restoreAcme() {
        TenantScope.run(ACME, () -> secrets.delete(ACME, "anthropic_api_key"));
        acme.restore();
        anthropic.close();
    }

    @BeforeEach
    void reset() {
        anthropic.reset();
        businessApi.clearReceived();
        loop.hook((turn, step) -> {
        });
    }

    @Test
    void twoToolCallsThenAnAnswerWithBothResultsInTheSecondRequest() {
        anthropic.enqueue(Turn.text("Let me check.").andToolCall("validate_document", "{\"document\":\"87654321X\"}")
                .andToolCall("get_appointment", "{}"));
        anthropic.enqueue(Turn.text("Laura, your visit is in two days, in the morning."));
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        String reply = chat.say(ACME, conversation, "Hello, my DNI is 87654321X. When is my visit?");

        assertThat(reply).isEqualTo("Laura, your visit is in two days, in the morning.");
        var second = anthropic.requests().get(1);
        assertThat(second.toolResults()).hasSize(2);
        assertThat(second.toolResults().toString()).contains("Laura").contains("A-5003");
        assertThat(anthropic.requests().getFirst().system().get(0).path("cache_control").path("type").asString())
                .isEqualTo("ephemeral");
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path)
                .containsExactly("/v1/identity/validate", "/v1/customers/C-1003/appointments");
        assertThat(chat.conversation(ACME, conversation).brain()).isEqualTo("llm");
        assertThat(usageRows(conversation)).isEqualTo(2);
    }

    @Test
    void aStreamedAnswerReachesTheListenerBeforeTheTurnEnds() throws Exception {
        anthropic.enqueue(Turn.text("Hello! I can confirm, cancel or reschedule your visit. What would you like to do?")
                .withInterTokenDelay(Duration.ofMillis(20)));
        UUID conversation = chat.open(ACME, Channel.VOICE);
        List<Long> deltaTimes = new CopyOnWriteArrayList<>();
        StringBuilder text = new StringBuilder();

        var handle = TenantScope.call(ACME, () -> agentTurns.stream(conversation, "Hello there", new TurnListener() {
            @Override
            public void onTextDelta(String delta) {
                deltaTimes.add(System.nanoTime());
                text.append(delta);
            }
        }));
        TurnOutcome outcome = handle.completion().get(20, TimeUnit.SECONDS);
        long finished = System.nanoTime();

        assertThat(outcome.ending()).isEqualTo(TurnOutcome.Ending.ANSWERED);
        assertThat(deltaTimes).hasSizeGreaterThan(5);
        assertThat(deltaTimes.getFirst()).isLessThan(finished - TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(text.toString()).isEqualTo(outcome.reply());
    }

    @Test
    void onWhatsappAnAnswerAfterAToolWhoseFormatterOffersButtonsCarriesThem() {
        anthropic.enqueue(Turn.toolCall("validate_document", "{\"document\":\"87654321X\"}").andToolCall("get_appointment", "{}"));
        anthropic.enqueue(Turn.text("Laura, your visit is in two days, in the morning. What would you like to do?"));
        UUID conversation = chat.open(ACME, Channel.WHATSAPP);

        Message reply = chat.exchange(ACME, conversation, "Hi, my DNI is 87654321X. When is my visit?");

        assertThat(reply.text()).isEqualTo("Laura, your visit is in two days, in the morning. What would you like to do?");
        assertThat(reply.kind()).isEqualTo("interactive");
        assertThat(reply.content().path("interactive").path("buttons").valueStream().map(b -> b.path("id").asString() + "="
                + b.path("title").asString())).containsExactly("confirm_visit=Confirm visit", "cancel_visit=Cancel visit",
                "reschedule_visit=Change date");
    }

    @Test
    void aTappedButtonReachesTheModelAsItsTitle() {
        anthropic.enqueue(Turn.text("Of course. Could you give me your DNI, NIE or passport number first?"));
        UUID conversation = chat.open(ACME, Channel.WHATSAPP);

        chat.tap(ACME, conversation, "cancel_visit", "Cancel visit");

        String asked = anthropic.requests().getLast().lastUserText();
        assertThat(asked).endsWith("\nCancel visit").doesNotContain("cancel_visit");
    }

    @Test
    void aRateLimitIsRetriedAfterTheRetryAfterTheProviderAskedFor() {
        anthropic.enqueue(Turn.failing(Failure.rateLimited(Duration.ofSeconds(1))));
        anthropic.enqueue(Turn.text("Sure, happy to help."));
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        long started = System.nanoTime();
        assertThat(chat.say(ACME, conversation, "Hi, I have a question")).isEqualTo("Sure, happy to help.");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        var requests = anthropic.requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).raw().receivedAt(), requests.get(1).raw().receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void anOverloadedPrimaryModelFallsBackToTheFallbackModel() {
        anthropic.always(PRIMARY, Turn.failing(Failure.overloaded()));
        anthropic.enqueue(FALLBACK, Turn.text("The fallback model answers."));
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        assertThat(chat.say(ACME, conversation, "Hi, quick question")).isEqualTo("The fallback model answers.");
        assertThat(anthropic.requests()).extracting(r -> r.model()).containsExactly(PRIMARY, PRIMARY, PRIMARY, FALLBACK);
    }

    @Test
    void anotherCustomersAppointmentIsRefusedBeforeAnyRequest() {
        anthropic.enqueue(Turn.toolCall("validate_document", "{\"document\":\"PAB123456\"}").andToolCall("get_appointment", "{}"));
        anthropic.enqueue(Turn.toolCall("confirm_operator", "{\"appointment_id\":\"A-5002\"}"));
        anthropic.enqueue(Turn.text("I can only look at your own visits."));
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        String reply = chat.say(ACME, conversation, "My passport is PAB123456. Who comes for visit A-5002?");

        assertThat(reply).isEqualTo("I can only look at your own visits.");
        assertThat(businessApi.received()).noneSatisfy(r -> assertThat(r.path()).contains("A-5002"));
        assertThat(toolRows(conversation)).anySatisfy(m -> {
            assertThat(m.content().path("name").asString()).isEqualTo("confirm_operator");
            assertThat(m.content().path("status").asString()).isEqualTo("refused");
        });
        assertThat(anthropic.requests().get(2).toolResults().getLast().toString()).contains("refused");
    }

    @Test
    void aTurnStoppedAfterItsFirstToolsStepResumesWithoutRepeatingThem() throws Exception {
        anthropic.enqueue(Turn.toolCall("validate_document", "{\"document\":\"X1234567L\"}").andToolCall("get_appointment", "{}"));
        // The hook is reset only once it has stopped the turn: tool rows exist before the tools ran, and resetting
        // on seeing them could let the first run go on and ask the model too.
        java.util.concurrent.CountDownLatch crashed = new java.util.concurrent.CountDownLatch(1);
        loop.hook((turn, step) -> {
            if (step.equals("tools")) {
                crashed.countDown();
                throw new DeadNode.SimulatedCrash();
            }
        });
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        TenantScope.run(ACME, () -> chat.all(ACME, conversation));
        long seq = TenantScope.call(ACME, () -> chat.all(ACME, conversation).size());
        sayWithoutWaiting(conversation, "My NIE is X1234567L, when is my visit?");
        assertThat(crashed.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the turn stopped after its tools").isTrue();
        awaitToolRows(conversation, 2);
        loop.hook((turn, step) -> {
        });

        // The node "died": its lease runs out and a sweep on any node takes the turn over.
        anthropic.enqueue(Turn.text("John, your visit is today in the afternoon."));
        new DeadNode(jdbc, tx, scheduler).takeOver(ACME, conversation);

        assertThat(chat.awaitReply(ACME, conversation, seq).text()).isEqualTo("John, your visit is today in the afternoon.");
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path)
                .containsExactly("/v1/identity/validate", "/v1/customers/C-1002/appointments");
        assertThat(anthropic.requests()).hasSize(2);
        assertThat(anthropic.requests().get(1).toolResults()).hasSize(2);
    }

    @Test
    void whenEveryModelFailsTheCustomerGetsAnApologyInTheirLanguageAndAHuman() {
        anthropic.always(PRIMARY, Turn.failing(Failure.overloaded()));
        anthropic.always(FALLBACK, Turn.failing(Failure.serverError()));
        TenantScope.run(ACME, () -> configuration.change(ACME, Map.of("agent.fallbackToFlow",
                JsonNodeFactory.instance.booleanNode(false)), null));
        try {
            UUID conversation = chat.open(ACME, Channel.WEBCHAT);

            String reply = chat.say(ACME, conversation, "Hola, ¿cuándo viene el técnico?");

            assertThat(reply).startsWith("Lo siento, ahora mismo tengo un problema técnico");
            var after = chat.conversation(ACME, conversation);
            assertThat(after.status()).isEqualTo(ConversationStatus.PENDING);
            assertThat(after.handoffReason()).isEqualTo("llm_unavailable");
        } finally {
            TenantScope.run(ACME, () -> configuration.change(ACME, java.util.Collections.singletonMap(
                    "agent.fallbackToFlow", null), null));
        }
    }

    /**
     * The platform's own time per turn, model latency excluded (the fake answers at once and the recorded model
     * latency is subtracted): prints JSON. Run with {@code -Dbench=true -Dtest=LlmTurnTest#turnOverhead}.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench", matches = "true")
    void turnOverhead() throws Exception {
        // Some 850 model calls of a few thousand tokens each: more than the demo tenant's daily token budget.
        acme.tenantYaml(yaml -> yaml.replace("tokensPerDay: 2000000", "tokensPerDay: 1000000000"));
        List<Long> text = measure(300, false, i -> "Answer number " + i + ".");
        List<Long> tools = measure(150, true, i -> "Answer number " + i + ".");
        List<Long> streamed = measure(150, false, i -> LONG_REPLY + " (" + i + ")");
        System.out.println("{\"benchmark\":\"agent-turn-overhead\",\"unit\":\"ms\",\"text_turn\":" + stats(text)
                + ",\"tool_turn\":" + stats(tools) + ",\"streamed_turn\":" + stats(streamed) + "}");
    }

    /** A reply of about 150 words, which the fake streams as about 150 deltas: what streaming costs per delta shows. */
    private static final String LONG_REPLY = String.join(" ", java.util.Collections.nCopies(12,
            "Your visit is on Thursday morning and the technician will call before arriving."));

    /** A fresh, identified conversation every 12 turns keeps within the per-contact message budget. */
    private List<Long> measure(int turns, boolean withTool, java.util.function.IntFunction<String> reply) throws Exception {
        List<Long> micros = new java.util.ArrayList<>();
        UUID conversation = null;
        for (int i = 0; i < turns; i++) {
            if (i % 12 == 0) {
                conversation = chat.open(ACME, Channel.VOICE);
                UUID opened = conversation;
                anthropic.enqueue(Turn.toolCall("validate_document", "{\"document\":\"X1234567L\"}"));
                anthropic.enqueue(Turn.text("Identified."));
                TenantScope.call(ACME, () -> agentTurns.stream(opened, "My NIE is X1234567L", TurnListener.NONE))
                        .completion().get(20, TimeUnit.SECONDS);
            }
            if (withTool) {
                anthropic.enqueue(Turn.toolCall("get_appointment", "{}"));
            }
            anthropic.enqueue(Turn.text(reply.apply(i)));
            String question = "Question " + i;
            UUID current = conversation;
            long started = System.nanoTime();
            TurnOutcome outcome = TenantScope.call(ACME, () -> agentTurns.stream(current, question,
                    TurnListener.NONE)).completion().get(60, TimeUnit.SECONDS);
            long elapsed = (System.nanoTime() - started) / 1000;
            assertThat(outcome.ending()).as(outcome.toString()).isEqualTo(TurnOutcome.Ending.ANSWERED);
            long model = TenantScope.call(ACME, () -> tx.execute(s -> jdbc.sql(
                    "select coalesce(sum(latency_ms), 0) from llm_calls where turn_id = :t").param("t", outcome.turnId())
                    .query(Long.class).single())) * 1000;
            long tool = withTool ? TenantScope.call(ACME, () -> tx.execute(s -> jdbc.sql(
                    "select coalesce(sum((content->>'latencyMs')::bigint), 0) from messages where turn_id = :t and role = 'tool'")
                    .param("t", outcome.turnId()).query(Long.class).single())) * 1000 : 0;
            if (i >= 24) {
                micros.add(elapsed - model - tool);
            }
        }
        return micros;
    }

    private static String stats(List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        double p50 = sorted.get(sorted.size() / 2) / 1000.0;
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1000.0;
        return "{\"turns\":" + sorted.size() + ",\"p50\":" + p50 + ",\"p99\":" + p99 + "}";
    }

    private void sayWithoutWaiting(UUID conversation, String text) {
        TenantScope.run(ACME, () -> chat.all(ACME, conversation));
        chat.sayAsync(ACME, conversation, text);
    }

    private void awaitToolRows(UUID conversation, int finished) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (toolRows(conversation).stream().filter(m -> m.content().path("status").asString().equals("ok")).count() < finished) {
            assertThat(System.nanoTime()).as("tool calls finished in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private List<Message> toolRows(UUID conversation) {
        return chat.all(ACME, conversation).stream().filter(m -> m.role() == MessageRole.TOOL).toList();
    }

    private long usageRows(UUID conversation) {
        return TenantScope.call(ACME, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from llm_calls where conversation_id = :c and status = 'ok'")
                .param("c", conversation).query(Long.class).single()));
    }
}
