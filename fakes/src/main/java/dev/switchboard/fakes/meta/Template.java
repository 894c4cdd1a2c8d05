package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Ids;
import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message template as the WABA holds it; {@code components} is the Graph JSON (HEADER, BODY, FOOTER, BUTTONS)
 * with {@code {{1}}} or {@code {{name}}} placeholders.
 */
public record Template(String id, String name, String language, String status, String category,
                       String parameterFormat, ArrayNode components) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public static Template approved(String name, String language, String category, String componentsJson) {
        var components = (ArrayNode) Json.parse(componentsJson);
        var format = componentsJson.matches("(?s).*\\{\\{[a-z_]+}}.*") ? "NAMED" : "POSITIONAL";
        return new Template(Ids.digits(15), name, language, "APPROVED", category, format,
                components);
    }

    public Template withStatus(String value) {
        return new Template(id, name, language, value, category, parameterFormat, components);
    }

    public boolean isApproved() {
        return "APPROVED".equals(status);
    }

    public boolean isNamed() {
        return "NAMED".equals(parameterFormat);
    }

    Optional<JsonNode> component(String type) {
        for (var component : components) {
            if (type.equalsIgnoreCase(Json.text(component, "type"))) {
                return Optional.of(component);
            }
        }
        return Optional.empty();
    }

    List<JsonNode> buttons() {
        var buttons = component("BUTTONS").map(c -> c.path("buttons")).orElse(Json.array());
        return buttons.valueStream().toList();
    }

    /** Distinct placeholder names in a text, in order: "1", "2" or "customer_name". */
    static Set<String> placeholders(String text) {
        var names = new LinkedHashSet<String>();
        if (text != null) {
            PLACEHOLDER.matcher(text).results().forEach(m -> names.add(m.group(1)));
        }
        return names;
    }

    /** The template as the listing endpoint returns it, limited to {@code fields} (empty = all). */
    ObjectNode json(Set<String> fields) {
        var json = Json.object().put("name", name).put("language", language).put("status", status)
                .put("category", category).put("parameter_format", parameterFormat);
        json.set("components", components);
        if (!fields.isEmpty()) {
            json.retain(fields);
        }
        json.put("id", id);
        return json;
    }
}
