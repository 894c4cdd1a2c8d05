package dev.switchboard.agent.tools;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expands a tool's templates: {@code {endpoint:name}}, {@code {args.x}}, {@code {customer.id}},
 * {@code {customer.name}}, {@code {conversation.id}}, {@code {secret:name}}. In URLs every value but the endpoint
 * is URL-encoded, so an argument cannot add a path segment or a query parameter.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(endpoint:|secret:|args\\.|customer\\.|conversation\\.)([A-Za-z0-9_.-]+)}");

    /** Resolves one placeholder (its prefix and name) to a value, or null when it has none. */
    interface Values extends Function<String, JsonNode> {
    }

    private Placeholders() {
    }

    static String url(String template, Values values) throws ToolFailed {
        return expand(template, values, true);
    }

    static String text(String template, Values values) throws ToolFailed {
        return expand(template, values, false);
    }

    private static String expand(String template, Values values, boolean url) throws ToolFailed {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) + m.group(2);
            JsonNode value = values.apply(key);
            String text = value == null || value.isNull() || value.isMissingNode() ? "" : value.asString();
            boolean raw = !url || m.group(1).equals("endpoint:");
            m.appendReplacement(out, Matcher.quoteReplacement(raw ? text : URLEncoder.encode(text, StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A JSON body template: a string that is exactly one placeholder takes the value with its type (a number stays a
     * number); a field whose sole placeholder has no value is left out; other strings are interpolated.
     */
    static JsonNode body(JsonNode template, Values values) throws ToolFailed {
        if (template.isString()) {
            Matcher whole = PLACEHOLDER.matcher(template.asString());
            if (whole.matches()) {
                JsonNode value = values.apply(whole.group(1) + whole.group(2));
                return value == null || value.isMissingNode() ? null : value;
            }
            return JsonNodeFactory.instance.stringNode(text(template.asString(), values));
        }
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (var field : template.properties()) {
                JsonNode value = body(field.getValue(), values);
                if (value != null) {
                    out.set(field.getKey(), value);
                }
            }
            return out;
        }
        if (template.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : template) {
                JsonNode value = body(item, values);
                if (value != null) {
                    out.add(value);
                }
            }
            return out;
        }
        return template;
    }
}
