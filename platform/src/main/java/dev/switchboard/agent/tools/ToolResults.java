package dev.switchboard.agent.tools;

import dev.switchboard.agent.format.Formatters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the model reads back from a tool: a JSON document whose {@code data} is the tool's (untrusted) output,
 * projected to the tool's declared {@code response.fields} when it has some, with the formatter's summary, capped.
 */
final class ToolResults {

    private final Formatters formatters;
    private final int maxChars;

    ToolResults(Formatters formatters, int maxChars) {
        this.formatters = formatters;
        this.maxChars = maxChars;
    }

    ToolCallRecord ok(ToolCallRecord call, Tool tool, ToolContext context, ToolResponse response, long latency) {
        JsonNode data = response.data();
        // Formatters are written against the tool's declared fields when it has some, else the whole answer.
        String display = formatters.render(context.tenant(), tool.formatter(), context.language(),
                context.channel().wireName(), project(tool, data)).orElse(null);
        ObjectNode forModel = JsonNodeFactory.instance.objectNode().put("status", "ok");
        if (display != null) {
            forModel.put("summary", display);
        }
        forModel.set("data", project(tool, data));
        String control = response.control() == null ? null : response.control().action().name().toLowerCase();
        String text = cap(forModel.toString());
        JsonNode stored = data.toString().length() > maxChars * 2 ? JsonNodeFactory.instance.objectNode()
                .put("truncated", true) : data;
        return call.finish(ToolCallRecord.OK, text, display, stored, null, latency, control);
    }

    ToolCallRecord error(ToolCallRecord call, String message, long latency) {
        return call.finish("error", errorJson("error", message), null, null, message, latency, null);
    }

    ToolCallRecord unknown(ToolCallRecord call) {
        String message = "the outcome of this call is unknown: it was interrupted and may or may not have taken "
                + "effect. Do not assume either; check with a read-only tool or ask the customer before repeating it.";
        return call.finish("unknown", errorJson("unknown", message), null, null, "outcome unknown after an interruption",
                null, null);
    }

    static String errorJson(String status, String message) {
        return JsonNodeFactory.instance.objectNode().put("status", status).put("error", message).toString();
    }

    private JsonNode project(Tool tool, JsonNode data) {
        if (!(tool instanceof HttpTool http) || !http.definition().response().has("fields")) {
            return data;
        }
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        http.definition().response().get("fields").properties()
                .forEach(f -> projected.set(f.getKey(), data.at(f.getValue().asString())));
        return projected;
    }

    private String cap(String text) {
        return text.length() <= maxChars ? text
                : JsonNodeFactory.instance.objectNode().put("status", "ok").put("truncated", true)
                        .put("data", text.substring(0, maxChars)).toString();
    }
}
