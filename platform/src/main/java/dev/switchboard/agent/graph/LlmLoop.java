package dev.switchboard.agent.graph;

import dev.switchboard.agent.TurnOutcome;
import dev.switchboard.agent.TurnOutcome.Ending;
import dev.switchboard.agent.language.Phrases;
import dev.switchboard.agent.llm.ModelReply;
import dev.switchboard.agent.llm.ResilientModel;
import dev.switchboard.agent.tools.Tool;
import dev.switchboard.agent.tools.ToolCallRecord;
import dev.switchboard.agent.tools.ToolCatalog;
import dev.switchboard.agent.tools.ToolCalls;
import dev.switchboard.agent.usage.Budget;
import dev.switchboard.agent.usage.LlmCall;
import dev.switchboard.agent.usage.UsageLedger;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.Messages;
import io.opentelemetry.api.trace.Tracer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * chatbot -> tools -> chatbot ... until the model answers without tools, a control tool ends the turn, or a
 * budget or rule hands off. Each iteration re-reads the turn's rows and decides the next step from them alone,
 * which is what makes a resumed turn continue exactly where the crashed one stopped.
 */
@Component
class LlmLoop {

    private final ChatbotStep chatbot;
    private final ToolsStep tools;
    private final ToolCatalog catalog;
    private final ToolCalls toolCalls;
    private final UsageLedger ledger;
    private final Messages messages;
    private final Contacts contacts;
    private final Turns turns;
    private final HandoffRules rules;
    private final Endings endings;
    private final Tracer tracer;
    private final ReadTransaction reads;
    private volatile StepHook hook = StepHook.NONE;

    LlmLoop(ChatbotStep chatbot, ToolsStep tools, ToolCatalog catalog, ToolCalls toolCalls, UsageLedger ledger,
            Messages messages, Contacts contacts, Turns turns, HandoffRules rules, Endings endings, Tracer tracer,
            ReadTransaction reads) {
        this.chatbot = chatbot;
        this.tools = tools;
        this.catalog = catalog;
        this.toolCalls = toolCalls;
        this.ledger = ledger;
        this.messages = messages;
        this.contacts = contacts;
        this.turns = turns;
        this.rules = rules;
        this.endings = endings;
        this.tracer = tracer;
        this.reads = reads;
    }

    void hook(StepHook value) {
        hook = value;
    }

    /**
     * @param first the first step's rows when the caller read them with the turn's context (one transaction less
     *              before the model is asked), else null
     */
    TurnOutcome run(TurnContext start, ResilientModel model, Step first) {
        Budget budget = Budget.of(start.tenant());
        List<String> channelTools = start.listener().options().enabledTools();
        Set<String> enabled = new HashSet<>(channelTools.isEmpty() ? start.config().strings("agent.enabledTools") : channelTools);
        List<Tool> offered = catalog.enabled(start.tenant(), List.copyOf(enabled), start.conversation().channel());
        Set<String> identifying = offered.stream().filter(t -> start.tenant().tool(t.name())
                .map(d -> d.verifiesCustomer().has("idPointer")).orElse(false)).map(Tool::name).collect(Collectors.toSet());
        while (true) {
            Step step = first != null ? first : reads.read(() -> readStep(start));
            first = null;
            TurnContext ctx = step.context();
            TurnRow turn = ctx.turn();
            List<LlmCall> calls = step.calls();
            List<Message> rows = step.rows();
            if (ctx.cancellation().cancelled()) {
                return endings.end(ctx, Closing.of(Ending.CANCELLED, null, "cancelled", "llm"));
            }
            LlmCall last = calls.isEmpty() ? null : calls.getLast();
            List<Message> ofLast = last == null ? List.of() : rows.stream()
                    .filter(r -> last.id().toString().equals(r.content().path("llmCallId").asString(null))).toList();
            if (last != null && ofLast.isEmpty()) {
                return endings.end(ctx, Closing.of(Ending.ANSWERED, last.response().path("text").asString(""), null, "llm")
                        .withInteractive(calls.size() < 2 ? null : offeredBy(calls.get(calls.size() - 2), rows)));
            }
            List<Message> unfinished = ofLast.stream().filter(r -> !ToolCallRecord.from(r.content()).finished()).toList();
            if (!unfinished.isEmpty()) {
                // Calls from the last step were asked for against the tool choice "none": none of them is made.
                int callBudget = calls.size() >= budget.stepsPerTurn() ? 0 : budget.toolCallsPerTurn();
                tools.run(ctx, unfinished, rows.size() - unfinished.size(), callBudget, enabled, identifying);
                hook.after(turn.id(), "tools");
                continue;
            }
            Optional<TurnOutcome> ended = afterTools(ctx, last, ofLast, calls.size(), budget, step.latest());
            if (ended.isPresent()) {
                return ended.get();
            }
            // The last step the budget allows, or one after the tool calls ran out, must answer in words.
            boolean toolsLeft = rows.size() < budget.toolCallsPerTurn() && calls.size() + 1 < budget.stepsPerTurn();
            int number = calls.size() + 1;
            ModelReply reply = chatbot.ask(ctx, model, offered, toolsLeft, number, step.latest());
            if (reply.toolCalls().isEmpty() && !ctx.cancellation().cancelled()) {
                // What the next iteration would decide from the rows, without reading them again: the answer is
                // stored with the message that sends it, in one transaction.
                hook.after(turn.id(), "chatbot");
                return endings.end(ctx, Closing.of(Ending.ANSWERED, reply.text(), null, "llm")
                        .withInteractive(last == null ? null : offeredBy(last, rows))
                        .alsoStoring(() -> chatbot.record(ctx, number, reply)));
            }
            chatbot.record(ctx, number, reply);
            hook.after(turn.id(), "chatbot");
        }
    }

    /** {@code latest}: the conversation's last {@link ChatbotStep#HISTORY} messages, oldest first. */
    record Step(TurnContext context, List<LlmCall> calls, List<Message> rows, List<Message> latest) {
    }

    /**
     * The rows a step is decided from, for a context whose turn and contact were just read in the caller's
     * transaction: the turn start reads them with its context, in one transaction.
     */
    Step rowsOf(TurnContext ctx) {
        TurnRow turn = ctx.turn();
        return new Step(ctx, ledger.answeredCalls(turn.id()), toolCalls.ofTurn(ctx.conversation().id(), turn.id(), turn.fromSeq()),
                messages.latest(ctx.conversation().id(), ChatbotStep.HISTORY));
    }

    /** The turn's rows as they stand, in one read-only transaction: the next step is decided from them alone. */
    private Step readStep(TurnContext start) {
        TurnRow turn = turns.find(start.turn().id()).orElseThrow();
        return rowsOf(start.withTurn(turn).withContact(contacts.get(start.contact().id())));
    }

    /**
     * The choices the tools read by model call {@code read} offer on this channel (a formatter's buttons or list),
     * which the answer that follows carries so the customer can tap one; the last tool that offers some wins.
     */
    private static JsonNode offeredBy(LlmCall read, List<Message> rows) {
        String id = read.id().toString();
        JsonNode choices = null;
        for (Message row : rows) {
            ToolCallRecord call = ToolCallRecord.from(row.content());
            if (id.equals(String.valueOf(call.llmCallId())) && call.status().equals(ToolCallRecord.OK)
                    && call.interactive() != null) {
                choices = call.interactive();
            }
        }
        return choices;
    }

    /** A control tool, the failure rule or the step budget may end the turn once the tools ran. */
    private Optional<TurnOutcome> afterTools(TurnContext ctx, LlmCall last, List<Message> ofLast, int steps, Budget budget,
                                             List<Message> latest) {
        if (last == null) {
            return Optional.empty();
        }
        String text = last.response().path("text").asString("");
        for (Message row : ofLast) {
            ToolCallRecord call = ToolCallRecord.from(row.content());
            if (call.control() != null) {
                return Optional.of(control(ctx, call, text));
            }
        }
        Optional<String> failures = rules.failureRule(ctx.tenant(), latest.subList(Math.max(0, latest.size() - 40), latest.size())
                .stream().filter(ToolCalls::isToolCall).toList());
        if (failures.isPresent()) {
            return Optional.of(endings.end(ctx, Closing.of(Ending.HANDED_OFF, Phrases.HANDOFF.in(ctx.language()), failures.get(), "llm")));
        }
        if (steps >= budget.stepsPerTurn()) {
            return Optional.of(endings.end(ctx, Closing.of(Ending.HANDED_OFF, Phrases.HANDOFF.in(ctx.language()),
                    "step_budget_exceeded", "llm")));
        }
        return Optional.empty();
    }

    private TurnOutcome control(TurnContext ctx, ToolCallRecord call, String text) {
        JsonNode args = call.arguments();
        return switch (call.control()) {
            case "handoff" -> endings.end(ctx, Closing.of(Ending.HANDED_OFF, text.isBlank() ? Phrases.HANDOFF.in(ctx.language()) : text,
                    args.path("reason").asString("requested_by_agent"), "llm"));
            case "end_conversation" -> endings.end(ctx, Closing.of(Ending.CONVERSATION_ENDED,
                    text.isBlank() ? Phrases.GOODBYE.in(ctx.language()) : text, "ended_by_agent", "llm"));
            default -> endings.end(ctx, Closing.of(Ending.CALL_ENDED, text.isBlank() ? Phrases.GOODBYE.in(ctx.language()) : text,
                    "call_ended_by_agent", "llm"));
        };
    }
}
