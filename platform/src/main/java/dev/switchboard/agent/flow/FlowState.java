package dev.switchboard.agent.flow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the flow stands in a conversation, kept as JSON: {@code intent} in progress, its {@code step}, what it
 * is {@code awaiting} (a slot name or {@code confirm}), the {@code slots} collected, the step {@code results} by
 * alias, and {@code misses} (messages in a row it did not understand).
 */
final class FlowState {

    final ObjectNode node;

    FlowState(JsonNode stored) {
        this.node = stored != null && stored.isObject() ? (ObjectNode) stored.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (!node.has("slots")) {
            node.putObject("slots");
        }
        if (!node.has("results")) {
            node.putObject("results");
        }
    }

    String intent() {
        return node.path("intent").asString(null);
    }

    int step() {
        return node.path("step").asInt(0);
    }

    String awaiting() {
        return node.path("awaiting").asString(null);
    }

    ObjectNode slots() {
        return (ObjectNode) node.get("slots");
    }

    ObjectNode results() {
        return (ObjectNode) node.get("results");
    }

    void start(String intent) {
        node.put("intent", intent).put("step", 0).remove("awaiting");
        node.putObject("results");
        slots().remove("confirmation");
    }

    void advance() {
        node.put("step", step() + 1).remove("awaiting");
    }

    void await(String what) {
        node.put("awaiting", what);
    }

    /** The intent is over: its slots and results go, the customer's document stays (they are still identified). */
    void finish() {
        JsonNode document = slots().get("document");
        node.remove("intent");
        node.remove("step");
        node.remove("awaiting");
        node.putObject("results");
        node.putObject("slots");
        if (document != null) {
            slots().set("document", document);
        }
        node.put("misses", 0);
    }

    int missed() {
        int misses = node.path("misses").asInt(0) + 1;
        node.put("misses", misses);
        return misses;
    }

    void understood() {
        node.put("misses", 0);
    }
}
