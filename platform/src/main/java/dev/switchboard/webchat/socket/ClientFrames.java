package dev.switchboard.webchat.socket;

import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses widget frames. Each is one JSON object with a {@code type}:
 * <pre>
 * {"type":"hello","conversationId":"&lt;uuid&gt;"|null,"lastSeq":12,"language":"es"}
 * {"type":"message","id":"&lt;8-64 of A-Z a-z 0-9 _ -&gt;","text":"..."}
 * {"type":"typing","active":true}
 * {"type":"rate","conversationId":"&lt;uuid&gt;","score":1..5}
 * {"type":"end"}
 * {"type":"ping"}
 * </pre>
 */
final class ClientFrames {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final JsonMapper json;

    ClientFrames(JsonMapper json) {
        this.json = json;
    }

    ClientFrame parse(String payload) {
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedFrame("a frame must be one JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedFrame("a frame must be one JSON object");
        }
        return switch (node.path("type").stringValue("")) {
            case "hello" -> new ClientFrame.Hello(uuid(node, "conversationId", false),
                    Math.max(0, node.path("lastSeq").asLong(0)), node.path("language").stringValue(null));
            case "message" -> new ClientFrame.Say(clientId(node), node.path("text").stringValue(""));
            case "typing" -> new ClientFrame.Typing(node.path("active").asBoolean(false));
            case "rate" -> new ClientFrame.Rate(uuid(node, "conversationId", true), node.path("score").asInt(0));
            case "end" -> new ClientFrame.End();
            case "ping" -> new ClientFrame.Ping();
            default -> throw new MalformedFrame("unknown frame type; expected hello, message, typing, rate, end or ping");
        };
    }

    private static String clientId(JsonNode node) {
        String id = node.path("id").stringValue("");
        if (!CLIENT_ID.matcher(id).matches()) {
            throw new MalformedFrame("message.id must be 8-64 characters of A-Z a-z 0-9 _ -");
        }
        return id;
    }

    private static UUID uuid(JsonNode node, String field, boolean required) {
        String value = node.path(field).stringValue(null);
        if (value == null) {
            if (required) {
                throw new MalformedFrame(field + " is required");
            }
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrame(field + " must be a UUID");
        }
    }
}
