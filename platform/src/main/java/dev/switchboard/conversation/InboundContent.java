package dev.switchboard.conversation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The normalised content of an inbound message: one of a few shapes every channel maps onto. */
public sealed interface InboundContent {

    /** The kind stored on the message row. */
    String kind();

    /** The plain text the agent and the search see. */
    String text();

    /** The structured part stored with the message. */
    JsonNode content();

    record Text(String body) implements InboundContent {
        public String kind() {
            return "text";
        }

        public String text() {
            return body;
        }

        public JsonNode content() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    record Location(double latitude, double longitude, String name, String address) implements InboundContent {
        public String kind() {
            return "location";
        }

        public String text() {
            String label = String.join(", ", java.util.stream.Stream.of(name, address)
                    .filter(s -> s != null && !s.isBlank()).toList());
            return "[location] " + (label.isEmpty() ? latitude + "," + longitude : label + " (" + latitude + "," + longitude + ")");
        }

        public JsonNode content() {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("latitude", latitude).put("longitude", longitude);
            return node.put("name", name).put("address", address);
        }
    }

    /**
     * An image, audio clip, video or document. {@code reference} is where the platform stored it;
     * {@code description} is what the agent is told about it (a caption, a transcription, a file name).
     */
    record Media(String mediaType, String reference, String mimeType, String caption, String description)
            implements InboundContent {
        public String kind() {
            return "media";
        }

        public String text() {
            return "[" + mediaType + "] " + (description != null ? description : caption != null ? caption : "");
        }

        public JsonNode content() {
            return JsonNodeFactory.instance.objectNode().put("mediaType", mediaType).put("reference", reference)
                    .put("mimeType", mimeType).put("caption", caption).put("description", description);
        }
    }

    /** The customer tapped a button or a list row that we offered; {@code id} is the choice's id. */
    record InteractiveReply(String id, String title) implements InboundContent {
        public String kind() {
            return "interactive_reply";
        }

        public String text() {
            return title;
        }

        public JsonNode content() {
            return JsonNodeFactory.instance.objectNode().put("id", id).put("title", title);
        }
    }

    /** A type the platform cannot handle (a sticker, a contact card...); kept, and answered politely. */
    record Unsupported(String type) implements InboundContent {
        public String kind() {
            return "unsupported";
        }

        public String text() {
            return "[" + type + "]";
        }

        public JsonNode content() {
            return JsonNodeFactory.instance.objectNode().put("type", type);
        }
    }
}
