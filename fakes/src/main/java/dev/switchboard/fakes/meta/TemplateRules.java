package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a template send against the template the WABA holds: it exists and is approved in that language, the
 * header has the right media or text parameters, the body the right number (or names) of parameters, and button
 * parameters point at buttons of the right kind.
 */
final class TemplateRules {

    private final TemplateCatalog catalog;

    TemplateRules(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<GraphError> check(JsonNode sent) {
        var name = Json.text(sent, "name");
        var language = Json.text(sent.path("language"), "code");
        if (name == null || language == null) {
            return Optional.of(GraphError.missingParameter("template['name'] and template['language']['code'] are "
                    + "required"));
        }
        var template = catalog.find(name, language).filter(Template::isApproved);
        if (template.isEmpty()) {
            return Optional.of(GraphError.templateMissing("template name (" + name + ") does not exist in "
                    + language));
        }
        var components = sent.path("components").valueStream().toList();
        return header(template.get(), parameters(components, "header"))
                .or(() -> body(template.get(), parameters(components, "body")))
                .or(() -> buttons(template.get(), components));
    }

    private Optional<GraphError> header(Template template, List<JsonNode> sent) {
        var header = template.component("HEADER");
        var format = header.map(h -> Json.text(h, "format")).orElse("NONE");
        if (header.isEmpty() || "TEXT".equals(format)) {
            int expected = header.map(h -> Template.placeholders(Json.text(h, "text")).size()).orElse(0);
            return count("header", sent.size(), expected);
        }
        var mediaType = format.toLowerCase(Locale.ROOT);
        boolean matches = sent.size() == 1 && mediaType.equals(Json.text(sent.getFirst(), "type"))
                && (Json.has(sent.getFirst().path(mediaType), "id") || Json.has(sent.getFirst().path(mediaType), "link"));
        var received = sent.isEmpty() ? "UNKNOWN" : String.valueOf(Json.text(sent.getFirst(), "type"))
                .toUpperCase(Locale.ROOT);
        return matches ? Optional.empty() : Optional.of(GraphError.paramFormat("header: Format mismatch, expected "
                + format + ", received " + received));
    }

    private Optional<GraphError> body(Template template, List<JsonNode> sent) {
        var expected = template.component("BODY").map(b -> Template.placeholders(Json.text(b, "text")))
                .orElse(Set.of());
        var problem = count("body", sent.size(), expected.size());
        if (problem.isPresent()) {
            return problem;
        }
        for (var parameter : sent) {
            if ("text".equals(Json.text(parameter, "type")) && (Json.text(parameter, "text") == null
                    || Json.text(parameter, "text").isBlank())) {
                return Optional.of(GraphError.missingParameter("body: Parameter of type text is missing text value"));
            }
            var parameterName = Json.text(parameter, "parameter_name");
            if (template.isNamed() && (parameterName == null || !expected.contains(parameterName))) {
                return Optional.of(GraphError.paramCount("body: parameter_name '" + parameterName
                        + "' is not a parameter of the template; expected " + expected));
            }
        }
        return Optional.empty();
    }

    private Optional<GraphError> buttons(Template template, List<JsonNode> components) {
        var buttons = template.buttons();
        for (var component : components) {
            if (!"button".equals(Json.text(component, "type"))) {
                continue;
            }
            int index = component.path("index").asInt(-1);
            var subType = String.valueOf(Json.text(component, "sub_type"));
            var expectedType = subType.toUpperCase(Locale.ROOT);
            if (index < 0 || index >= buttons.size() || !expectedType.equals(Json.text(buttons.get(index), "type"))) {
                return Optional.of(GraphError.invalidValue("button at index " + index + " is not a " + subType
                        + " button of the template"));
            }
            var problem = count("button[" + index + "]", component.path("parameters").size(),
                    "URL".equals(expectedType) ? Template.placeholders(Json.text(buttons.get(index), "url")).size() : 1);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<GraphError> count(String component, int sent, int expected) {
        if (sent == expected) {
            return Optional.empty();
        }
        return Optional.of(GraphError.paramCount(component + ": number of localizable_params (" + sent
                + ") does not match the expected number of params (" + expected + ")"));
    }

    private static List<JsonNode> parameters(List<JsonNode> components, String type) {
        return components.stream().filter(c -> type.equals(Json.text(c, "type")))
                .flatMap(c -> c.path("parameters").valueStream()).toList();
    }
}
