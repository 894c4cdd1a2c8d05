package dev.switchboard.agent.flow;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A tenant's parsed flow with its intent matcher built over every example in every language. */
record FlowDefinition(JsonNode document, IntentMatcher matcher) {

    static FlowDefinition of(JsonNode flow) {
        List<IntentMatcher.Example> examples = new ArrayList<>();
        for (JsonNode intent : flow.path("intents")) {
            intent.path("examples").properties().forEach(language -> language.getValue()
                    .forEach(e -> examples.add(new IntentMatcher.Example(intent.path("name").asString(), e.asString()))));
        }
        return new FlowDefinition(flow, new IntentMatcher(examples));
    }

    JsonNode slots() {
        return document.path("slots");
    }

    JsonNode fallback() {
        return document.path("fallback");
    }

    JsonNode intent(String name) {
        for (JsonNode intent : document.path("intents")) {
            if (intent.path("name").asString().equals(name)) {
                return intent;
            }
        }
        return null;
    }
}
