package dev.switchboard.agent.flow;

import dev.switchboard.agent.format.Formatters;
import dev.switchboard.agent.language.Phrases;
import dev.switchboard.agent.tools.ToolCallRecord;
import dev.switchboard.agent.tools.ToolContext;
import dev.switchboard.tenant.TenantDefinition;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Answers one turn with the tenant's flow: fills the slots the message carries, recognises (or continues) an
 * intent, asks for what is missing, runs the intent's steps through the same tool executor as the model, and
 * renders the reply with the tenant's formatters. Misunderstood messages get the flow's fallback, and after a
 * few in a row, a human.
 */
@Component
public class FlowAgent {

    private static final double MATCH_THRESHOLD = 0.32;

    private final FlowStates states;
    private final FlowDefinitions definitions;
    private final FlowSteps steps;
    private final Formatters formatters;

    FlowAgent(FlowStates states, FlowDefinitions definitions, FlowSteps steps, Formatters formatters) {
        this.states = states;
        this.definitions = definitions;
        this.steps = steps;
        this.formatters = formatters;
    }

    public FlowAnswer answer(ToolContext context, Set<String> enabledTools, String text, long turnFromSeq) {
        TenantDefinition tenant = context.tenant();
        FlowDefinition flow = definitions.of(tenant);
        FlowState state = states.load(context.conversationId());
        FlowRun run = new FlowRun(context, enabledTools, state, turnFromSeq);
        FlowAnswer answer = decide(run, flow, text);
        states.save(context.conversationId(), state);
        return answer;
    }

    private FlowAnswer decide(FlowRun run, FlowDefinition flow, String text) {
        FlowState state = run.state();
        LocalDate today = LocalDate.now(run.context().tenant().timezone());
        boolean filled = fillSlots(flow, state, text, today);
        IntentMatcher.Match match = flow.matcher().best(text);
        boolean strong = match.score() >= MATCH_THRESHOLD;
        if ("confirm".equals(state.awaiting())) {
            Optional<Boolean> yes = SlotValues.yesNo(IntentMatcher.normalize(text));
            if (yes.isPresent()) {
                return yes.get() ? continueIntent(run, flow, true) : declined(run, flow);
            }
        }
        if (strong && (state.intent() == null || !match.intent().equals(state.intent()) && !filled)) {
            state.start(match.intent());
            state.understood();
            return continueIntent(run, flow, false);
        }
        if (state.intent() != null && (filled || state.awaiting() == null)) {
            return continueIntent(run, flow, false);
        }
        if (filled && state.slots().has("document") && state.intent() == null) {
            return steps.identifyOnly(run, flow);
        }
        return fallback(run, flow);
    }

    private boolean fillSlots(FlowDefinition flow, FlowState state, String text, LocalDate today) {
        boolean filled = false;
        for (var slot : flow.slots().properties()) {
            if (slot.getKey().equals("confirmation")) {
                continue;
            }
            Optional<String> value = SlotValues.extract(slot.getValue(), text, today);
            if (value.isPresent()) {
                state.slots().put(slot.getKey(), value.get());
                filled |= slot.getKey().equals(state.awaiting()) || slot.getKey().equals("document");
            }
        }
        return filled;
    }

    private FlowAnswer continueIntent(FlowRun run, FlowDefinition flow, boolean confirmed) {
        JsonNode intent = flow.intent(run.state().intent());
        if (intent == null) {
            run.state().finish();
            return fallback(run, flow);
        }
        if (confirmed) {
            run.state().advance();
        }
        return steps.run(run, flow, intent);
    }

    private FlowAnswer declined(FlowRun run, FlowDefinition flow) {
        JsonNode intent = flow.intent(run.state().intent());
        JsonNode step = intent == null ? null : intent.path("steps").path(run.state().step());
        String text = step == null ? null : FlowText.localized(step.path("onNo"), run.context().language());
        String name = run.state().intent();
        run.state().finish();
        return FlowAnswer.reply(text != null ? text : FlowText.localized(flow.fallback().path("reply"), run.context().language()), name);
    }

    private FlowAnswer fallback(FlowRun run, FlowDefinition flow) {
        int misses = run.state().missed();
        int handoffAfter = flow.fallback().path("handoffAfter").asInt(3);
        if (misses >= handoffAfter) {
            run.state().finish();
            return new FlowAnswer(Phrases.HANDOFF.in(run.context().language()), "flow_did_not_understand", null, false);
        }
        String text = FlowText.localized(flow.fallback().path("reply"), run.context().language());
        return FlowAnswer.reply(text != null ? text : Phrases.HANDOFF.in(run.context().language()), null);
    }

    /** One turn's working set; tool calls are numbered in the order the turn makes them. */
    record FlowRun(ToolContext context, Set<String> enabledTools, FlowState state, long turnFromSeq,
                   java.util.concurrent.atomic.AtomicInteger calls) {

        FlowRun(ToolContext context, Set<String> enabledTools, FlowState state, long turnFromSeq) {
            this(context, enabledTools, state, turnFromSeq, new java.util.concurrent.atomic.AtomicInteger());
        }

        int nextCall() {
            return calls.incrementAndGet();
        }
    }

}
