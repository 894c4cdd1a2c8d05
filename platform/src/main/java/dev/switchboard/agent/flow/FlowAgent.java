package dev.switchboard.agent.flow;

import dev.switchboard.agent.format.Rendering;
import dev.switchboard.agent.language.Phrases;
import dev.switchboard.agent.tools.ToolContext;
import dev.switchboard.tenant.TenantDefinition;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    static final double MATCH_THRESHOLD = 0.32;

    private final FlowStates states;
    private final FlowDefinitions definitions;
    private final FlowSteps steps;
    private final FlowAlternatives alternatives;

    FlowAgent(FlowStates states, FlowDefinitions definitions, FlowSteps steps, FlowAlternatives alternatives) {
        this.states = states;
        this.definitions = definitions;
        this.steps = steps;
        this.alternatives = alternatives;
    }

    /**
     * Decides the turn from the stored position, which it leaves as it was: the answer carries the new one, for the
     * caller to store in the transaction that sends the reply. A turn that dies before that transaction is decided
     * again from the same position when it resumes (its tool calls, numbered within the turn, are not repeated).
     */
    public FlowAnswer answer(ToolContext context, Set<String> enabledTools, Utterance said, long turnFromSeq) {
        TenantDefinition tenant = context.tenant();
        FlowDefinition flow = definitions.of(tenant);
        FlowState state = states.load(context.conversationId());
        FlowRun run = new FlowRun(context, enabledTools, state, turnFromSeq);
        return decide(run, flow, said).withState(state.node);
    }

    /** Stores the position the answer leaves the flow in; call inside the transaction that stores the reply. */
    public void remember(UUID conversationId, FlowAnswer answer) {
        states.save(conversationId, new FlowState(answer.state()));
    }

    private FlowAnswer decide(FlowRun run, FlowDefinition flow, Utterance said) {
        FlowState state = run.state();
        String text = said.text();
        if (said.choiceId() != null && flow.intent(said.choiceId()) != null) {
            // A tapped choice named after an intent (e.g. a "cancel_visit" button) means that intent, whatever its title.
            state.start(said.choiceId());
            state.understood();
            return continueIntent(run, flow, false);
        }
        LocalDate today = LocalDate.now(run.context().tenant().timezone());
        IntentMatcher.Match match = flow.matcher().best(text);
        boolean strong = match.score() >= MATCH_THRESHOLD;
        if (FlowAlternatives.AWAITING.equals(state.awaiting()) && flow.intent(state.intent()) != null) {
            Optional<FlowAnswer> answered = answerToOffer(run, flow, said, today, strong ? match.intent() : null);
            if (answered.isPresent()) {
                return answered.get();
            }
        }
        boolean filled = fillSlots(flow, state, text, today);
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

    /**
     * The customer answers the alternatives offered: a pick (or other values for what the options fill) runs the
     * offering step again; anything else asks once more, unless it clearly starts another intent (then empty).
     */
    private Optional<FlowAnswer> answerToOffer(FlowRun run, FlowDefinition flow, Utterance said, LocalDate today,
                                               String otherIntent) {
        FlowAlternatives.Reading reading = alternatives.read(run, flow, said, today);
        if (reading == FlowAlternatives.Reading.OTHER_VALUES) {
            fillSlots(flow, run.state(), said.text(), today);
        }
        if (reading != FlowAlternatives.Reading.UNCLEAR) {
            return Optional.of(continueIntent(run, flow, false));
        }
        if (otherIntent != null && !otherIntent.equals(run.state().intent())) {
            return Optional.empty();
        }
        JsonNode intent = flow.intent(run.state().intent());
        Rendering again = alternatives.again(run, intent);
        return Optional.of(FlowAnswer.reply(again.text(), run.state().intent()).offering(again.interactive()));
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
            return FlowAnswer.handoff(Phrases.HANDOFF.in(run.context().language()), "flow_did_not_understand", null);
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
