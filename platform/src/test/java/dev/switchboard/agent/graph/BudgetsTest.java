package dev.switchboard.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestPlatform;
import dev.switchboard.agent.AgentConversations;
import dev.switchboard.agent.TenantEdits;
import dev.switchboard.agent.language.Phrases;
import dev.switchboard.agent.usage.UsageLedger;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ConversationStatus;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.fakes.acme.AcmeBusinessApi;
import dev.switchboard.fakes.anthropic.AnthropicFake;
import dev.switchboard.fakes.anthropic.AnthropicOptions;
import dev.switchboard.fakes.llm.Turn;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each of the tenant's budgets, spent: the customer is told so politely in their own language (or the model is made to
 * answer with what it has), nothing over the budget is done, and nothing is left half done (no tool call pending, no
 * turn running, no customer message unanswered). Acme talks to the Anthropic fake for this class, with budgets each
 * test sets.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetsTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);

    private final AnthropicFake anthropic = AnthropicFake.start(AnthropicOptions.defaults().withApiKey("sk-test"));
    private final AcmeBusinessApi businessApi = TestPlatform.installation().businessApi();
    private final AgentConversations chat;
    private TenantEdits acme;

    @Autowired TenantsFolder folder;
    @Autowired Tenants tenants;
    @Autowired TenantSecrets secrets;
    @Autowired UsageLedger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Autowired
    BudgetsTest(Contacts contacts, Conversations conversations, Messages messages) {
        this.chat = new AgentConversations(contacts, conversations, messages);
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
    }

    @Test
    void toolCallsBeyondTheTurnsBudgetAreRefusedUnmadeAndTheModelMustAnswerWithWhatItHas() {
        budgets(2_000_000, 60, 20, 2, 6);
        anthropic.enqueue(Turn.toolCall("validate_document", "{\"document\":\"X1234567L\"}").andToolCall("get_appointment", "{}")
                .andToolCall("get_travel_time", "{\"origin\":\"40.401,-3.69\",\"destination\":\"40.429,-3.687\"}"));
        anthropic.enqueue(Turn.text("John, your visit is today in the afternoon; I can't tell how far the technician is."));
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        String reply = chat.say(ACME, conversation, "My NIE is X1234567L. When is my visit and how far is the technician?");

        assertThat(reply).startsWith("John, your visit is today");
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path)
                .containsExactly("/v1/identity/validate", "/v1/customers/C-1002/appointments");
        assertThat(toolRow(conversation, "get_travel_time").content().path("status").asString()).isEqualTo("refused");
        var answering = anthropic.requests().get(1);
        assertThat(answering.json().path("tool_choice").path("type").asString()).isEqualTo("none");
        assertThat(answering.toolNames()).contains("get_travel_time");
        assertThat(answering.toolResults().getLast().toString()).contains("budget of this turn is spent");
        assertNothingHalfDone(conversation);
    }

    @Test
    void theLastStepTheBudgetAllowsMustAnswerInWords() {
        budgets(2_000_000, 60, 20, 8, 3);
        anthropic.enqueue(Turn.toolCall("validate_document", "{\"document\":\"87654321X\"}"));
        anthropic.enqueue(Turn.toolCall("get_appointment", "{}"));
        anthropic.enqueue(Turn.text("Laura, tu visita es dentro de dos días, por la mañana."));
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        String reply = chat.say(ACME, conversation, "Hola, mi DNI es 87654321X. ¿Cuándo es mi visita?");

        assertThat(reply).isEqualTo("Laura, tu visita es dentro de dos días, por la mañana.");
        assertThat(anthropic.requests()).extracting(r -> r.json().path("tool_choice").path("type").asString())
                .containsExactly("auto", "auto", "none");
        assertNothingHalfDone(conversation);
    }

    @Test
    void aModelThatStillCallsToolsOnItsLastStepIsNotObeyedAndTheCustomerIsPassedToAPersonPolitely() {
        budgets(2_000_000, 60, 20, 8, 2);
        anthropic.enqueue(Turn.toolCall("validate_document", "{\"document\":\"87654321X\"}"));
        anthropic.enqueue(Turn.toolCall("get_appointment", "{}"));
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);

        String reply = chat.say(ACME, conversation, "Hola, mi DNI es 87654321X. ¿Cuándo es mi visita?");

        assertThat(reply).isEqualTo(Phrases.HANDOFF.in("es"));
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path).containsExactly("/v1/identity/validate");
        assertThat(toolRow(conversation, "get_appointment").content().path("status").asString()).isEqualTo("refused");
        var after = chat.conversation(ACME, conversation);
        assertThat(after.status()).isEqualTo(ConversationStatus.PENDING);
        assertThat(after.handoffReason()).isEqualTo("step_budget_exceeded");
        assertNothingHalfDone(conversation);
    }

    @Test
    void messagesBeyondAContactsPerMinuteBudgetAreAskedToSlowDownWithoutAskingTheModel() {
        budgets(2_000_000, 60, 2, 8, 6);
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        anthropic.enqueue(Turn.text("¡Hola! ¿En qué te ayudo?"));
        anthropic.enqueue(Turn.text("Claro, dime tu DNI."));
        chat.say(ACME, conversation, "Hola, buenos días");
        chat.say(ACME, conversation, "quiero saber cuándo viene el técnico");

        String reply = chat.say(ACME, conversation, "¿hola? ¿sigues ahí?");

        assertThat(reply).isEqualTo(Phrases.SLOW_DOWN.in("es"));
        assertThat(anthropic.requests()).hasSize(2);
        assertThat(turnStatuses(conversation)).containsExactly("answered", "answered", "refused");
        assertThat(chat.conversation(ACME, conversation).status()).isEqualTo(ConversationStatus.ACTIVE);
        assertNothingHalfDone(conversation);
    }

    @Test
    void aConversationBeyondItsTurnBudgetIsPassedToAPerson() {
        budgets(2_000_000, 2, 20, 8, 6);
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        anthropic.enqueue(Turn.text("Hi! How can I help?"));
        anthropic.enqueue(Turn.text("Sure, what is your document number?"));
        chat.say(ACME, conversation, "Hello there");
        chat.say(ACME, conversation, "I have a question about my visit");

        String reply = chat.say(ACME, conversation, "Are you still there?");

        assertThat(reply).isEqualTo(Phrases.CONVERSATION_LIMIT.in("en"));
        assertThat(anthropic.requests()).hasSize(2);
        var after = chat.conversation(ACME, conversation);
        assertThat(after.status()).isEqualTo(ConversationStatus.PENDING);
        assertThat(after.handoffReason()).isEqualTo("budget_turns_per_conversation");
        assertNothingHalfDone(conversation);
    }

    @Test
    void aTenantBeyondItsDailyTokensIsAnsweredByAPersonInTheCustomersLanguage() {
        long used = TenantScope.call(ACME, () -> ledger.tokensToday(ZoneId.of("Europe/Madrid")));
        budgets(used + 1, 60, 20, 8, 6);
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        anthropic.enqueue(Turn.text("¡Hola! ¿En qué te ayudo?"));
        chat.say(ACME, conversation, "Hola, buenos días");

        String reply = chat.say(ACME, conversation, "quiero cambiar la fecha de mi visita");

        assertThat(reply).isEqualTo(Phrases.DAILY_LIMIT.in("es"));
        assertThat(anthropic.requests()).hasSize(1);
        var after = chat.conversation(ACME, conversation);
        assertThat(after.status()).isEqualTo(ConversationStatus.PENDING);
        assertThat(after.handoffReason()).isEqualTo("budget_tokens_per_day");
        assertNothingHalfDone(conversation);
    }

    private void budgets(long tokensPerDay, int turnsPerConversation, int messagesPerMinute, int toolCallsPerTurn,
                         int stepsPerTurn) {
        acme.tenantYaml(yaml -> yaml.replaceAll("(?s)  budgets:\n(    [a-zA-Z]+: \\d+\n)+", """
                  budgets:
                    tokensPerDay: %d
                    turnsPerConversation: %d
                    messagesPerMinutePerContact: %d
                    toolCallsPerTurn: %d
                    stepsPerTurn: %d
                """.formatted(tokensPerDay, turnsPerConversation, messagesPerMinute, toolCallsPerTurn, stepsPerTurn)));
    }

    /** No tool call left pending or running, no turn left running, and every customer message answered by a turn. */
    private void assertNothingHalfDone(UUID conversation) {
        List<Message> all = chat.all(ACME, conversation);
        assertThat(all).filteredOn(m -> m.role() == MessageRole.TOOL)
                .allSatisfy(m -> assertThat(m.content().path("status").asString()).isNotIn("pending", "running"));
        long lastCustomer = all.stream().filter(m -> m.role() == MessageRole.CUSTOMER).mapToLong(Message::seq).max().orElse(0);
        TenantScope.run(ACME, () -> tx.executeWithoutResult(s -> {
            assertThat(jdbc.sql("select count(*) from agent_turns where conversation_id = :c and status = 'running'")
                    .param("c", conversation).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select coalesce(max(last_seq), 0) from agent_turns where conversation_id = :c")
                    .param("c", conversation).query(Long.class).single()).isEqualTo(lastCustomer);
        }));
    }

    private List<String> turnStatuses(UUID conversation) {
        return TenantScope.call(ACME, () -> tx.execute(s -> jdbc.sql(
                "select status from agent_turns where conversation_id = :c order by started_at")
                .param("c", conversation).query(String.class).list()));
    }

    private Message toolRow(UUID conversation, String name) {
        return chat.all(ACME, conversation).stream().filter(m -> m.role() == MessageRole.TOOL)
                .filter(m -> m.content().path("name").asString().equals(name)).reduce((a, b) -> b).orElseThrow();
    }
}
