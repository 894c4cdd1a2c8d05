package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Limits of interactive messages: reply buttons (1-3, title <= 20, id <= 256, unique), lists (button label <= 20,
 * 1-10 sections, 1-10 rows in all, row title <= 24, description <= 72, id <= 200), CTA URL buttons, and the shared
 * header (text <= 60), body (<= 1024) and footer (<= 60).
 */
final class InteractiveRules {

    private static final Set<String> TYPES = Set.of("button", "list", "cta_url", "location_request_message");

    Optional<GraphError> check(JsonNode interactive) {
        var type = Json.text(interactive, "type");
        if (type == null) {
            return missing("interactive['type']");
        }
        if (!TYPES.contains(type)) {
            return Optional.of(GraphError.invalidParameter("Invalid interactive type: " + type));
        }
        return frame(interactive).or(() -> switch (type) {
            case "button" -> buttons(interactive.path("action"));
            case "list" -> list(interactive.path("action"));
            case "cta_url" -> ctaUrl(interactive.path("action"));
            default -> Optional.empty();
        });
    }

    private Optional<GraphError> frame(JsonNode interactive) {
        var body = Json.text(interactive.path("body"), "text");
        if (body == null || body.isEmpty()) {
            return missing("interactive['body']['text']");
        }
        return length("interactive['body']['text']", body, 1024)
                .or(() -> optionalLength("interactive['header']['text']", interactive.path("header"), 60))
                .or(() -> optionalLength("interactive['footer']['text']", interactive.path("footer"), 60));
    }

    private Optional<GraphError> buttons(JsonNode action) {
        var buttons = action.path("buttons");
        if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > 3) {
            return invalid("Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3");
        }
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (var button : buttons) {
            var reply = button.path("reply");
            var id = Json.text(reply, "id");
            var title = Json.text(reply, "title");
            if (!"reply".equals(Json.text(button, "type")) || id == null || title == null) {
                return missing("button['type'] 'reply' with reply['id'] and reply['title']");
            }
            var problem = between("Button title", title, 1, 20).or(() -> between("Button id", id, 1, 256));
            if (problem.isPresent()) {
                return problem;
            }
            if (!ids.add(id) || !titles.add(title)) {
                return invalid("Button ids and titles must be unique");
            }
        }
        return Optional.empty();
    }

    private Optional<GraphError> list(JsonNode action) {
        var label = Json.text(action, "button");
        if (label == null) {
            return missing("action['button']");
        }
        var sections = action.path("sections");
        if (!sections.isArray() || sections.isEmpty() || sections.size() > 10) {
            return invalid("Invalid sections count. Min allowed sections: 1, Max allowed sections: 10");
        }
        return between("Button label", label, 1, 20).or(() -> rows(sections));
    }

    private Optional<GraphError> rows(JsonNode sections) {
        int total = 0;
        Set<String> ids = new HashSet<>();
        for (var section : sections) {
            if (sections.size() > 1 && Json.text(section, "title") == null) {
                return missing("section['title'] (required when there is more than one section)");
            }
            var rows = section.path("rows");
            if (!rows.isArray() || rows.isEmpty()) {
                return invalid("Each section needs at least one row");
            }
            for (var row : rows) {
                var problem = row(row, ids);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            total += rows.size();
        }
        return total > 10 ? invalid("Invalid rows count. Min allowed rows: 1, Max allowed rows: 10 (" + total + ")")
                : Optional.empty();
    }

    private Optional<GraphError> row(JsonNode row, Set<String> ids) {
        var id = Json.text(row, "id");
        var title = Json.text(row, "title");
        if (id == null || title == null) {
            return missing("row['id'] and row['title']");
        }
        if (!ids.add(id)) {
            return invalid("Row ids must be unique: " + id);
        }
        var description = Json.text(row, "description");
        return between("Row title", title, 1, 24).or(() -> between("Row id", id, 1, 200))
                .or(() -> description == null ? Optional.empty() : length("Row description", description, 72));
    }

    private Optional<GraphError> ctaUrl(JsonNode action) {
        var parameters = action.path("parameters");
        var text = Json.text(parameters, "display_text");
        var url = Json.text(parameters, "url");
        if (!"cta_url".equals(Json.text(action, "name")) || text == null || url == null) {
            return missing("action['name'] 'cta_url' with parameters['display_text'] and parameters['url']");
        }
        return between("Display text", text, 1, 20).or(() -> url.startsWith("http://") || url.startsWith("https://")
                ? Optional.empty() : invalid("URL must start with http:// or https://"));
    }

    private static Optional<GraphError> optionalLength(String name, JsonNode holder, int max) {
        var text = Json.text(holder, "text");
        return text == null ? Optional.empty() : length(name, text, max);
    }

    private static Optional<GraphError> length(String name, String text, int max) {
        return between(name, text, 0, max);
    }

    static Optional<GraphError> between(String name, String text, int min, int max) {
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            return invalid(name + " length invalid. Min length: " + min + ", Max length: " + max + " (" + length + ")");
        }
        return Optional.empty();
    }

    private static Optional<GraphError> missing(String what) {
        return Optional.of(GraphError.missingParameter("The parameter " + what + " is required."));
    }

    private static Optional<GraphError> invalid(String details) {
        return Optional.of(GraphError.invalidValue(details));
    }
}
