package dev.switchboard.whatsapp.cloudapi;

import dev.switchboard.conversation.InboundContent;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a stored webhook event back into the platform's terms: each supported message type onto
 * {@link InboundContent}, media onto an attachment to fetch, anything else onto {@code Unsupported}.
 */
@Component
public class InboundEvents {

    private static final Set<String> MEDIA = Set.of("image", "audio", "video", "document");

    private final JsonMapper json;

    InboundEvents(JsonMapper json) {
        this.json = json;
    }

    public CustomerMessage message(String payload) {
        JsonNode root = json.readTree(payload);
        JsonNode message = root.path("message");
        String type = message.path("type").asString("unknown");
        CustomerMessage.Attachment attachment = MEDIA.contains(type) ? attachment(type, message.path(type)) : null;
        InboundContent content = attachment != null ? null : content(type, message);
        return new CustomerMessage(message.path("from").asString(""), root.at("/contact/name").asString(null),
                message.path("id").asString(""), timestamp(message), type, content, attachment);
    }

    public DeliveryUpdate status(String payload) {
        JsonNode status = json.readTree(payload).path("status");
        JsonNode error = status.path("errors").path(0);
        return new DeliveryUpdate(status.path("id").asString(""), status.path("status").asString(""),
                status.path("recipient_id").asString(null), timestamp(status),
                error.isMissingNode() ? null : error.path("code").asInt(),
                error.path("title").asString(error.path("message").asString(null)),
                error.at("/error_data/details").asString(null),
                status.path("biz_opaque_callback_data").asString(null));
    }

    private static InboundContent content(String type, JsonNode message) {
        return switch (type) {
            case "text" -> new InboundContent.Text(message.at("/text/body").asString(""));
            case "interactive" -> interactive(message.path("interactive"));
            case "button" -> new InboundContent.InteractiveReply(message.at("/button/payload").asString(""),
                    message.at("/button/text").asString(""));
            case "location" -> location(message.path("location"));
            default -> new InboundContent.Unsupported(type);
        };
    }

    private static InboundContent interactive(JsonNode interactive) {
        String kind = interactive.path("type").asString("");
        JsonNode reply = interactive.path(kind);
        if (!kind.equals("button_reply") && !kind.equals("list_reply")) {
            return new InboundContent.Unsupported("interactive " + kind);
        }
        return new InboundContent.InteractiveReply(reply.path("id").asString(""), reply.path("title").asString(""));
    }

    private static InboundContent location(JsonNode location) {
        return new InboundContent.Location(location.path("latitude").asDouble(), location.path("longitude").asDouble(),
                location.path("name").asString(null), location.path("address").asString(null));
    }

    private static CustomerMessage.Attachment attachment(String type, JsonNode media) {
        return new CustomerMessage.Attachment(type, media.path("id").asString(""), media.path("mime_type").asString(null),
                media.path("sha256").asString(null), media.path("caption").asString(null),
                media.path("filename").asString(null), media.path("voice").asBoolean(false));
    }

    /** Meta's timestamps are strings of Unix seconds; a missing or future one means "now". */
    private static Instant timestamp(JsonNode node) {
        Instant now = Instant.now();
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(node.path("timestamp").asString("")));
            return at.isAfter(now) ? now : at;
        } catch (NumberFormatException e) {
            return now;
        }
    }
}
