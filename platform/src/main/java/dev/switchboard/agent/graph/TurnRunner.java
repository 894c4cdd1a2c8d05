package dev.switchboard.agent.graph;

import dev.switchboard.agent.TurnListener;
import dev.switchboard.agent.TurnOutcome;
import dev.switchboard.agent.TurnOutcome.Ending;
import dev.switchboard.agent.flow.FlowAgent;
import dev.switchboard.agent.flow.FlowAnswer;
import dev.switchboard.agent.flow.Utterance;
import dev.switchboard.agent.language.LanguageDetector;
import dev.switchboard.agent.language.Phrases;
import dev.switchboard.agent.llm.Cancellation;
import dev.switchboard.agent.llm.LanguageModels;
import dev.switchboard.agent.llm.ModelUnavailable;
import dev.switchboard.agent.llm.ResilientModel;
import dev.switchboard.agent.tools.ToolContext;
import dev.switchboard.agent.usage.Budgets;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationStatus;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.tenant.TenantConfiguration;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.Tenants;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one turn from wherever its rows say it stands: a fresh turn and a resumed one take the same path. Picks the
 * brain (the model, or the offline flow when the tenant has no model or the model failed and the tenant allows
 * it), applies the budgets and the tenant's handoff rules, then hands over to the LLM loop or the flow.
 */
@Component
class TurnRunner {

    private static final Logger log = LoggerFactory.getLogger(TurnRunner.class);

    private final Tenants tenants;
    private final TenantConfiguration configuration;
    private final Conversations conversations;
    private final Contacts contacts;
    private final Messages messages;
    private final LanguageModels models;
    private final Budgets budgets;
    private final Turns turns;
    private final LlmLoop llmLoop;
    private final FlowAgent flow;
    private final HandoffRules rules;
    private final Endings endings;
    private final Tracer tracer;
    private final ReadTransaction reads;
    private volatile StepHook hook = StepHook.NONE;

    TurnRunner(Tenants tenants, TenantConfiguration configuration, Conversations conversations, Contacts contacts,
               Messages messages, LanguageModels models, Budgets budgets, Turns turns, LlmLoop llmLoop, FlowAgent flow,
               HandoffRules rules, Endings endings, Tracer tracer, ReadTransaction reads) {
        this.tenants = tenants;
        this.configuration = configuration;
        this.conversations = conversations;
        this.contacts = contacts;
        this.messages = messages;
        this.models = models;
        this.budgets = budgets;
        this.turns = turns;
        this.llmLoop = llmLoop;
        this.flow = flow;
        this.rules = rules;
        this.endings = endings;
        this.tracer = tracer;
        this.reads = reads;
    }

    /** For tests: called once the flow decided a turn, before its reply and new position are stored. */
    void hook(StepHook value) {
        hook = value;
    }

    TurnOutcome run(TurnRow turn, TurnListener listener, Cancellation cancellation) {
        Span span = tracer.spanBuilder("agent.turn").setAttribute("agent.turn_id", turn.id().toString())
                .setAttribute("agent.conversation_id", turn.conversationId().toString()).startSpan();
        try (var scope = span.makeCurrent()) {
            TurnOutcome outcome = runTraced(turn, listener, cancellation);
            span.setAttribute("agent.ending", outcome.ending().name());
            if (outcome.brain() != null) {
                span.setAttribute("agent.brain", outcome.brain());
            }
            return outcome;
        } finally {
            span.end();
        }
    }

    private TurnOutcome runTraced(TurnRow turn, TurnListener listener, Cancellation cancellation) {
        Optional<ResilientModel> model = models.forTenant(turn.tenantId());
        boolean fresh = turn.steps() == 0 && turn.handoffReason() == null;
        boolean asksModel = model.isPresent() && !"flow".equals(turn.brain());
        Opening opening = reads.read(() -> open(turn, listener, cancellation, fresh, model.isPresent(), asksModel));
        if (opening == null) {
            turns.finish(turn.id(), "cancelled", "conversation_not_with_ai");
            return new TurnOutcome(turn.id(), Ending.NOTHING_TO_ANSWER, null, "conversation_not_with_ai", null);
        }
        TurnContext ctx = opening.context();
        if (opening.exceeded().isPresent()) {
            return refuse(ctx, opening.exceeded().get());
        }
        if (fresh) {
            Optional<String> rule = rules.keywordRule(ctx.tenant(), ctx.customerText());
            if (rule.isPresent()) {
                return endings.end(ctx, Closing.of(Ending.HANDED_OFF, Phrases.HANDOFF.in(ctx.language()), rule.get(),
                        model.isPresent() ? "llm" : "flow"));
            }
        }
        if (!asksModel) {
            return answerWithFlow(ctx);
        }
        try {
            return llmLoop.run(ctx, model.get(), opening.firstStep());
        } catch (ModelUnavailable e) {
            if (cancellation.cancelled()) {
                return endings.end(ctx, Closing.of(Ending.CANCELLED, null, "cancelled", "llm"));
            }
            log.warn("the model failed for conversation {}: {}", ctx.conversation().id(), e.getMessage());
            if (ctx.config().flag("agent.fallbackToFlow", true) && ctx.tenant().flow().isObject() && !e.streamedText()) {
                turns.progress(turn.id(), turn.steps(), turn.toolCalls(), "flow", ctx.language());
                return answerWithFlow(ctx);
            }
            return endings.end(ctx, Closing.of(Ending.HANDED_OFF, Phrases.APOLOGY_HANDOFF.in(ctx.language()),
                    "llm_unavailable", "llm"));
        }
    }

    private TurnOutcome answerWithFlow(TurnContext ctx) {
        ToolContext tools = new ToolContext(ctx.tenant(), ctx.conversation().id(), ctx.turn().id(), ctx.contact(),
                ctx.conversation().channel(), ctx.language());
        List<String> channelTools = ctx.listener().options().enabledTools();
        FlowAnswer answer = flow.answer(tools, new HashSet<>(channelTools.isEmpty() ? ctx.config().strings("agent.enabledTools")
                : channelTools), new Utterance(ctx.customerText(), ctx.choiceId()), ctx.turn().fromSeq());
        hook.after(ctx.turn().id(), "flow");
        Ending ending = answer.handoffReason() != null ? Ending.HANDED_OFF
                : answer.endConversation() ? Ending.CONVERSATION_ENDED : Ending.ANSWERED;
        return endings.end(ctx, Closing.of(ending, answer.reply(), answer.handoffReason(), "flow")
                .withIntent(answer.intent()).withInteractive(answer.interactive()).alsoStoring(() -> flow.remember(ctx.conversation().id(), answer)));
    }

    private TurnOutcome refuse(TurnContext ctx, Budgets.Exceeded exceeded) {
        String reason = "budget_" + exceeded.name().toLowerCase();
        return switch (exceeded) {
            case MESSAGES_PER_MINUTE -> endings.end(ctx, Closing.of(Ending.REFUSED, Phrases.SLOW_DOWN.in(ctx.language()), reason, null));
            case TURNS_PER_CONVERSATION -> endings.end(ctx, Closing.of(Ending.HANDED_OFF,
                    Phrases.CONVERSATION_LIMIT.in(ctx.language()), reason, null));
            case TOKENS_PER_DAY -> endings.end(ctx, Closing.of(Ending.HANDED_OFF, Phrases.DAILY_LIMIT.in(ctx.language()), reason, null));
        };
    }

    /** The id of the button or list row the customer tapped, when that is the last thing they did this turn. */
    private static String tappedChoice(List<Message> said) {
        if (said.isEmpty() || !said.getLast().kind().equals("interactive_reply")) {
            return null;
        }
        String id = said.getLast().content().path("id").asString("");
        return id.isBlank() ? null : id;
    }

    private record Opening(TurnContext context, Optional<Budgets.Exceeded> exceeded, LlmLoop.Step firstStep) {
    }

    /**
     * What a turn starts from, read in one transaction: its context, and for a fresh turn whether a budget refuses
     * it, and when the model will be asked, the rows its first step is decided from. Null when the conversation is no
     * longer the AI's (a human took it, or it closed): the turn then just ends.
     */
    private Opening open(TurnRow turn, TurnListener listener, Cancellation cancellation, boolean fresh, boolean usesModel,
                         boolean asksModel) {
        TurnContext ctx = context(turn, listener, cancellation);
        if (ctx == null) {
            return null;
        }
        Optional<Budgets.Exceeded> exceeded = fresh ? budgets.check(ctx.tenant(), ctx.conversation().id(),
                ctx.contact().id(), turns.count(ctx.conversation().id()) - 1, usesModel) : Optional.empty();
        return new Opening(ctx, exceeded, asksModel && exceeded.isEmpty() ? llmLoop.rowsOf(ctx) : null);
    }

    private TurnContext context(TurnRow turn, TurnListener listener, Cancellation cancellation) {
        TenantDefinition tenant = tenants.find(turn.tenantId()).orElse(null);
        Conversation conversation = conversations.find(turn.conversationId()).orElse(null);
        if (tenant == null || conversation == null || conversation.status() != ConversationStatus.ACTIVE) {
            return null;
        }
        var contact = contacts.get(conversation.contactId());
        List<Message> said = messages.after(conversation.id(), turn.fromSeq(), 200).stream()
                .filter(m -> m.role() == MessageRole.CUSTOMER && m.seq() <= turn.lastSeq()).toList();
        String customerText = said.stream().map(Message::text).filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining("\n"));
        String previous = turn.language() != null ? turn.language() : conversation.language() != null ? conversation.language()
                : contact.language() != null ? contact.language() : tenant.defaultLanguage();
        String language = LanguageDetector.detect(customerText, previous);
        if (!tenant.languages().contains(language)) {
            language = tenant.defaultLanguage();
        }
        return new TurnContext(tenant, configuration.effective(tenant.id()), conversation, contact, turn, language,
                customerText, tappedChoice(said), listener, cancellation, System.nanoTime());
    }

}
