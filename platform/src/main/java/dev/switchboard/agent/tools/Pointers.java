package dev.switchboard.agent.tools;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** JSON pointers with {@code *} standing for every element of an array ({@code /appointments/*}{@code /id}). */
final class Pointers {

    private Pointers() {
    }

    static List<String> collect(JsonNode root, String pointer) {
        List<JsonNode> nodes = List.of(root);
        for (String part : pointer.substring(1).split("/", -1)) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                if (part.equals("*")) {
                    node.forEach(next::add);
                } else {
                    JsonNode child = node.isArray() && part.matches("\\d+") ? node.path(Integer.parseInt(part))
                            : node.path(part.replace("~1", "/").replace("~0", "~"));
                    if (!child.isMissingNode()) {
                        next.add(child);
                    }
                }
            }
            nodes = next;
        }
        return nodes.stream().filter(n -> n.isValueNode() && !n.isNull()).map(JsonNode::asString).toList();
    }
}
