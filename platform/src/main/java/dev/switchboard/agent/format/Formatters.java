package dev.switchboard.agent.format;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.switchboard.tenant.TenantDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Renders a formatter of a tenant for a language and a channel ({@code webchat}, {@code whatsapp}, {@code voice},
 * or {@code model} for what the model reads), falling back to the {@code default} template and then to the tenant's
 * first language. Output is plain text: HTML is not escaped here because every edge renders text inertly.
 */
@Component
public class Formatters {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).defaultValue("");
    private static final int MAX_CACHED = 2048;

    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public boolean has(TenantDefinition tenant, String formatter) {
        return formatter != null && tenant.formatters().containsKey(formatter);
    }

    public Optional<String> render(TenantDefinition tenant, String formatter, String language, String channel, JsonNode data) {
        JsonNode file = formatter == null ? null : tenant.formatters().get(formatter);
        if (file == null) {
            return Optional.empty();
        }
        JsonNode byLanguage = pick(file.path("templates"), language, tenant.defaultLanguage());
        JsonNode template = pick(byLanguage, channel, "default");
        String text = template.isObject() ? template.path("text").asString("") : template.asString("");
        try {
            return Optional.of(renderText(tenant.version() + "|" + formatter + "|" + language + "|" + channel, text, data).strip());
        } catch (com.samskivert.mustache.MustacheException e) {
            // A template that does not fit the data must not fail the tool call: the generic rendering applies.
            return Optional.empty();
        }
    }

    /** Renders an inline template (the flow's prompts) against data. */
    public String renderText(String cacheKey, String template, JsonNode data) {
        if (compiled.size() > MAX_CACHED) {
            compiled.clear();
        }
        Template compiledTemplate = compiled.computeIfAbsent(cacheKey + "|" + template.hashCode(), k -> COMPILER.compile(template));
        return compiledTemplate.execute(plain(data));
    }

    private static JsonNode pick(JsonNode options, String preferred, String fallback) {
        if (preferred != null && options.has(preferred)) {
            return options.get(preferred);
        }
        if (options.has(fallback)) {
            return options.get(fallback);
        }
        return options.properties().stream().findFirst().map(Map.Entry::getValue)
                .orElse(tools.jackson.databind.node.MissingNode.getInstance());
    }

    /** Mustache reads maps, lists and plain values. */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plainValue(e.getValue())));
            return map;
        }
        return plainValue(node);
    }

    private static Object plainValue(JsonNode node) {
        if (node.isObject()) {
            return plain(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plainValue(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.isNull() ? "" : node.asString();
    }
}
