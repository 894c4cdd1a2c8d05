package dev.switchboard.agent.flow;

import dev.switchboard.agent.format.Formatters;
import dev.switchboard.agent.language.Phrases;
import dev.switchboard.agent.tools.ToolCallRecord;
import dev.switchboard.conversation.Contacts;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an intent from its current step: the slots it requires (identifying the customer with the slot's
 * {@code verifyWith} tool), then {@code call}, {@code ask} and {@code confirm} steps, then its {@code reply}.
 * Returns as soon as something must be asked; the state remembers the step.
 */
@Component
class FlowSteps {

    private final FlowTools tools;
    private final Formatters formatters;
    private final Contacts contacts;

    FlowSteps(FlowTools tools, Formatters formatters, Contacts contacts) {
        this.tools = tools;
        this.formatters = formatters;
        this.contacts = contacts;
    }

    FlowAnswer run(FlowAgent.FlowRun run, FlowDefinition flow, JsonNode intent) {
        String name = intent.path("name").asString();
        String language = run.context().language();
        if (intent.has("handoff")) {
            run.state().finish();
            String text = FlowText.localized(intent.path("reply"), language);
            return new FlowAnswer(text != null ? text : Phrases.HANDOFF.in(language), intent.path("handoff").asString(), name, false);
        }
        if (intent.path("end").asBoolean(false)) {
            run.state().finish();
            String text = FlowText.localized(intent.path("reply"), language);
            return new FlowAnswer(text != null ? text : Phrases.GOODBYE.in(language), null, name, true);
        }
        StringBuilder said = new StringBuilder();
        for (JsonNode required : intent.path("requires")) {
            Optional<FlowAnswer> pending = require(run, flow, required.asString(), said, name);
            if (pending.isPresent()) {
                return pending.get();
            }
        }
        JsonNode steps = intent.path("steps");
        while (run.state().step() < steps.size()) {
            Optional<FlowAnswer> pending = step(run, flow, steps.get(run.state().step()), name, said);
            if (pending.isPresent()) {
                return pending.get();
            }
            run.state().advance();
        }
        String reply = reply(run, intent.path("reply"));
        run.state().finish();
        return FlowAnswer.reply(join(said, reply), name);
    }

    /** The customer gave only their document: identify them and ask what they need. */
    FlowAnswer identifyOnly(FlowAgent.FlowRun run, FlowDefinition flow) {
        StringBuilder said = new StringBuilder();
        Optional<FlowAnswer> pending = require(run, flow, "document", said, null);
        if (pending.isPresent()) {
            return pending.get();
        }
        String prompt = FlowText.localized(flow.document().path("afterIdentification"), run.context().language());
        return FlowAnswer.reply(join(said, prompt), null);
    }

    private Optional<FlowAnswer> require(FlowAgent.FlowRun run, FlowDefinition flow, String slotName, StringBuilder said,
                                         String intent) {
        JsonNode slot = flow.slots().path(slotName);
        String language = run.context().language();
        String value = run.state().slots().path(slotName).asString(null);
        String verifyWith = slot.path("verifyWith").asString(null);
        boolean verified = run.context().contact().customerRef() != null && run.state().node.path("verifiedDocument")
                .asString("").equals(value == null ? run.state().node.path("verifiedDocument").asString("") : value);
        if (verifyWith != null && run.context().contact().customerRef() != null && value == null) {
            return Optional.empty();
        }
        if (value == null) {
            run.state().await(slotName);
            return Optional.of(FlowAnswer.reply(join(said, FlowText.localized(slot.path("ask"), language)), intent));
        }
        if (verifyWith == null || verified) {
            return Optional.empty();
        }
        ToolCallRecord check = tools.call(run, verifyWith, JsonNodeFactory.instance.objectNode().put("document", value));
        String display = check.display() == null ? "" : check.display();
        boolean valid = check.status().equals(ToolCallRecord.OK) && check.data() != null && check.data().path("valid").asBoolean(false);
        if (!valid) {
            run.state().slots().remove(slotName);
            run.state().await(slotName);
            return Optional.of(FlowAnswer.reply(check.status().equals(ToolCallRecord.OK) ? display
                    : Phrases.APOLOGY_HANDOFF.in(language).split("\\.")[0] + ".", intent));
        }
        run.state().node.put("verifiedDocument", value);
        said.append(display);
        return Optional.empty();
    }

    private Optional<FlowAnswer> step(FlowAgent.FlowRun run, FlowDefinition flow, JsonNode step, String intent,
                                      StringBuilder said) {
        String language = run.context().language();
        if (step.has("call")) {
            return call(run, step, intent, said);
        }
        if (step.has("ask")) {
            String slot = step.path("ask").asString();
            if (!run.state().slots().has(slot)) {
                run.state().await(slot);
                return Optional.of(FlowAnswer.reply(join(said, FlowText.localized(flow.slots().path(slot).path("ask"), language)), intent));
            }
            return Optional.empty();
        }
        if (step.has("confirm")) {
            run.state().await("confirm");
            String prompt = formatters.renderText("flow-confirm", FlowText.localized(step.path("confirm"), language), data(run));
            return Optional.of(FlowAnswer.reply(join(said, prompt), intent));
        }
        return Optional.empty();
    }

    private Optional<FlowAnswer> call(FlowAgent.FlowRun run, JsonNode step, String intent, StringBuilder said) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        step.path("args").properties().forEach(a -> args.put(a.getKey(),
                formatters.renderText("flow-args", a.getValue().asString(), data(run))));
        ToolCallRecord result = tools.call(run, step.path("call").asString(), args);
        if (!result.status().equals(ToolCallRecord.OK)) {
            run.state().finish();
            String sorry = run.context().language().equals("es")
                    ? "Lo siento, ahora mismo no puedo completar esa gestión. ¿Quieres que te pase con una persona?"
                    : "Sorry, I can't complete that right now. Would you like me to pass you to a person?";
            return Optional.of(FlowAnswer.reply(join(said, sorry), intent));
        }
        JsonNode data = result.data() == null ? JsonNodeFactory.instance.objectNode() : result.data();
        String pick = step.path("pick").asString(null);
        JsonNode picked = pick == null ? data : data.at(pick);
        if (picked.isMissingNode() || picked.isNull()) {
            run.state().finish();
            String formatter = step.path("whenMissing").path("formatter").asString(null);
            String text = formatter == null ? null : formatters.render(run.context().tenant(), formatter,
                    run.context().language(), run.context().channel().wireName(), data).orElse(null);
            return Optional.of(FlowAnswer.reply(join(said, text), intent));
        }
        run.state().results().set(step.path("as").asString(step.path("call").asString()), picked);
        run.state().node.put("last", step.path("as").asString(step.path("call").asString()));
        return Optional.empty();
    }

    private String reply(FlowAgent.FlowRun run, JsonNode reply) {
        String language = run.context().language();
        String formatter = reply.path("formatter").asString(null);
        if (formatter == null) {
            return formatters.renderText("flow-reply", FlowText.localized(reply, language), data(run));
        }
        JsonNode data;
        if (reply.has("data")) {
            ObjectNode rendered = JsonNodeFactory.instance.objectNode();
            reply.get("data").properties().forEach(d -> rendered.put(d.getKey(),
                    formatters.renderText("flow-data", d.getValue().asString(), data(run))));
            data = rendered;
        } else {
            data = run.state().results().path(reply.path("from").asString(run.state().node.path("last").asString("")));
        }
        return formatters.render(run.context().tenant(), formatter, language, run.context().channel().wireName(), data)
                .orElse("");
    }

    /** What templates see: the step results by alias, the slots, and the customer's name. */
    private ObjectNode data(FlowAgent.FlowRun run) {
        ObjectNode data = run.state().results().deepCopy();
        data.set("slots", run.state().slots());
        var contact = contacts.get(run.context().contact().id());
        data.putObject("customer").put("name", contact.customerName());
        return data;
    }

    private static String join(StringBuilder said, String text) {
        String first = said.toString().strip();
        if (text == null || text.isBlank()) {
            return first;
        }
        return first.isEmpty() ? text.strip() : first + " " + text.strip();
    }
}
