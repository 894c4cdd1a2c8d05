package dev.switchboard.tenant.directory;

import dev.switchboard.tenant.TenantProblem;
import dev.switchboard.tenant.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The cross-file rules of {@code flow.yaml}: every tool it calls (a step's {@code call}, a slot's {@code verifyWith})
 * is one of the tenant's tools or a built-in, every formatter it names is in {@code formatters/}, and every slot it
 * asks for, requires or fills is declared under {@code slots}. A flow that breaks one would fail only when a customer
 * reaches that step.
 */
final class FlowReferences {

    private final String slug;
    private final JsonNode flow;
    private final List<ToolDefinition> tools;
    private final Map<String, JsonNode> formatters;
    private final List<TenantProblem> problems = new ArrayList<>();

    private FlowReferences(String slug, JsonNode flow, List<ToolDefinition> tools, Map<String, JsonNode> formatters) {
        this.slug = slug;
        this.flow = flow;
        this.tools = tools;
        this.formatters = formatters;
    }

    static List<TenantProblem> check(String slug, JsonNode flow, List<ToolDefinition> tools, Map<String, JsonNode> formatters) {
        FlowReferences references = new FlowReferences(slug, flow, tools, formatters);
        flow.path("slots").properties().forEach(slot -> references.tool("/slots/" + slot.getKey() + "/verifyWith"));
        JsonNode intents = flow.path("intents");
        for (int i = 0; i < intents.size(); i++) {
            references.intent("/intents/" + i, intents.get(i));
        }
        return references.problems;
    }

    private void intent(String at, JsonNode intent) {
        for (int k = 0; k < intent.path("requires").size(); k++) {
            slot(at + "/requires/" + k);
        }
        JsonNode steps = intent.path("steps");
        for (int j = 0; j < steps.size(); j++) {
            String step = at + "/steps/" + j;
            tool(step + "/call");
            formatter(step + "/whenMissing/formatter");
            slot(step + "/ask");
            steps.get(j).path("alternatives").path("fill").propertyNames()
                    .forEach(name -> slotName(step + "/alternatives/fill/" + name, name));
        }
        formatter(at + "/reply/formatter");
    }

    private void tool(String pointer) {
        String name = flow.at(pointer).asString(null);
        if (name != null && !TenantDirectoryReader.BUILT_IN_TOOLS.contains(name)
                && tools.stream().noneMatch(t -> t.name().equals(name))) {
            problems.add(TenantDirectoryReader.problem(slug, "flow.yaml", flow, pointer,
                    "no tool named " + name + " (neither tools/" + name + ".yaml nor a built-in)"));
        }
    }

    private void formatter(String pointer) {
        String name = flow.at(pointer).asString(null);
        if (name != null && !formatters.containsKey(name)) {
            problems.add(TenantDirectoryReader.problem(slug, "flow.yaml", flow, pointer,
                    "no formatter named " + name + " in formatters/"));
        }
    }

    private void slot(String pointer) {
        String name = flow.at(pointer).asString(null);
        if (name != null) {
            slotName(pointer, name);
        }
    }

    private void slotName(String pointer, String name) {
        if (!flow.path("slots").has(name)) {
            problems.add(TenantDirectoryReader.problem(slug, "flow.yaml", flow, pointer,
                    "no slot named " + name + " under slots"));
        }
    }
}
