package dev.switchboard.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** A tenant's settings as they apply now: directory defaults overlaid by the dashboard's overrides. */
public record EffectiveConfiguration(UUID tenantId, Map<String, ConfigValue> values) {

    public JsonNode get(String key) {
        ConfigValue value = values.get(key);
        return value == null || value.value() == null ? MissingNode.getInstance() : value.value();
    }

    public Optional<String> string(String key) {
        JsonNode node = get(key);
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asString());
    }

    public double decimal(String key, double fallback) {
        JsonNode node = get(key);
        return node.isNumber() ? node.asDouble() : fallback;
    }

    public int integer(String key, int fallback) {
        JsonNode node = get(key);
        return node.isNumber() ? node.asInt() : fallback;
    }

    public boolean flag(String key, boolean fallback) {
        JsonNode node = get(key);
        return node.isBoolean() ? node.asBoolean() : fallback;
    }

    public List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        get(key).forEach(n -> result.add(n.asString()));
        return List.copyOf(result);
    }

    /** A per-language text (greeting...), falling back to the first language that has one. */
    public Optional<String> localized(String key, String language) {
        JsonNode node = get(key);
        if (node.has(language)) {
            return Optional.of(node.get(language).asString());
        }
        return node.properties().stream().findFirst().map(e -> e.getValue().asString());
    }
}
