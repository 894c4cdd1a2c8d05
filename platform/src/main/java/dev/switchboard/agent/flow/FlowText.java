package dev.switchboard.agent.flow;

import tools.jackson.databind.JsonNode;

/** Per-language texts of the flow file ({@code {es: ..., en: ...}}), falling back to any language present. */
final class FlowText {

    private FlowText() {
    }

    static String localized(JsonNode texts, String language) {
        if (texts == null || texts.isMissingNode() || texts.isNull()) {
            return null;
        }
        if (texts.isString()) {
            return texts.asString();
        }
        if (texts.has(language)) {
            return texts.get(language).asString();
        }
        return texts.properties().stream().findFirst().map(e -> e.getValue().asString()).orElse(null);
    }
}
