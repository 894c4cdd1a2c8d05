package dev.switchboard.agent.flow;

import dev.switchboard.agent.format.Choices;
import dev.switchboard.agent.format.Formatters;
import dev.switchboard.agent.format.Rendering;
import dev.switchboard.agent.language.Phrases;
import dev.switchboard.agent.tools.ToolCallRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call step's {@code alternatives}: when the tool answers with other options (a taken slot and the free ones), the
 * flow offers them, as the tool's rendering plus choices to tap, and waits; the customer picks one by answering (its
 * position, what it says, or a tap), which fills the step's slots, and the same step runs again.
 */
@Component
class FlowAlternatives {

    static final String AWAITING = "option";
    private static final int MAX_OPTIONS = 10;

    private final Formatters formatters;

    FlowAlternatives(Formatters formatters) {
        this.formatters = formatters;
    }

    /** What to say when the call's result holds alternatives; the state then awaits a pick. Empty when it holds none. */
    Optional<Rendering> offer(FlowAgent.FlowRun run, JsonNode step, ToolCallRecord result) {
        JsonNode spec = step.path("alternatives");
        JsonNode found = spec.isObject() && result.data() != null ? result.data().at(spec.path("from").asString()) : null;
        if (found == null || !found.isArray() || found.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode options = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < Math.min(found.size(), MAX_OPTIONS); i++) {
            options.add(option(spec, found.get(i)));
        }
        run.state().offer(options);
        String text = result.display() != null && !result.display().isBlank() ? result.display()
                : listed(run, spec, options);
        return Optional.of(new Rendering(text, choices(run, spec, options)));
    }

    /** Reads an answer to the offer: a pick fills the slots and clears the offer. */
    Reading read(FlowAgent.FlowRun run, FlowDefinition flow, Utterance said, LocalDate today) {
        List<JsonNode> options = new ArrayList<>();
        run.state().options().forEach(options::add);
        Map<String, String> mentioned = mentioned(flow, options, said.text(), today);
        List<Integer> fit = OptionPicker.pick(options, said, mentioned);
        if (fit.size() == 1) {
            options.get(fit.getFirst()).path("fill").properties()
                    .forEach(f -> run.state().slots().put(f.getKey(), f.getValue().asString()));
            run.state().clearOffer();
            return Reading.PICKED;
        }
        if (fit.isEmpty() && !mentioned.isEmpty()) {
            run.state().clearOffer();
            return Reading.OTHER_VALUES;
        }
        if (fit.size() > 1) {
            ArrayNode narrowed = JsonNodeFactory.instance.arrayNode();
            fit.forEach(i -> narrowed.add(options.get(i)));
            run.state().offer(narrowed);
        }
        return Reading.UNCLEAR;
    }

    /** Asks again for one of the options still offered, listing them (a voice caller cannot see the choices). */
    Rendering again(FlowAgent.FlowRun run, JsonNode intent) {
        JsonNode spec = intent.path("steps").path(run.state().step()).path("alternatives");
        ArrayNode options = run.state().options();
        return new Rendering(listed(run, spec, options), choices(run, spec, options));
    }

    enum Reading { PICKED, OTHER_VALUES, UNCLEAR }

    private ObjectNode option(JsonNode spec, JsonNode item) {
        JsonNode choice = spec.path("choice");
        ObjectNode option = Choices.choice(render(choice.path("id"), item), render(choice.path("title"), item),
                choice.has("description") ? render(choice.path("description"), item) : null);
        ObjectNode fill = option.putObject("fill");
        spec.path("fill").properties().forEach(f -> fill.put(f.getKey(), render(f.getValue(), item)));
        return option;
    }

    private String render(JsonNode template, JsonNode item) {
        return formatters.renderText("flow-alternatives", template.asString(""), item).strip();
    }

    private static JsonNode choices(FlowAgent.FlowRun run, JsonNode spec, ArrayNode options) {
        ArrayNode choices = JsonNodeFactory.instance.arrayNode();
        options.forEach(o -> choices.add(Choices.choice(o.path("id").asString(), o.path("title").asString(),
                o.path("description").asString(null))));
        String button = FlowText.localized(spec.path("button"), run.context().language());
        return Choices.fitting(choices, button != null ? button : Phrases.CHOICES.in(run.context().language()));
    }

    private static String listed(FlowAgent.FlowRun run, JsonNode spec, ArrayNode options) {
        String prompt = FlowText.localized(spec.path("again"), run.context().language());
        StringBuilder text = new StringBuilder(prompt != null ? prompt : Phrases.PICK_ONE.in(run.context().language()));
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            text.append(i == 0 ? " " : "; ").append(i + 1).append(") ").append(option.path("title").asString());
            if (option.has("description")) {
                text.append(", ").append(option.path("description").asString());
            }
        }
        return text.append('.').toString();
    }

    /** The values the answer gives for the slots the options fill, read as the flow's slots read them. */
    private static Map<String, String> mentioned(FlowDefinition flow, List<JsonNode> options, String text, LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        if (options.isEmpty() || text == null) {
            return values;
        }
        options.getFirst().path("fill").properties().forEach(f -> SlotValues.extract(flow.slots().path(f.getKey()), text, today)
                .ifPresent(v -> values.put(f.getKey(), v)));
        return values;
    }
}
