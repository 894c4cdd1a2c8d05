package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

/** Validation of a {@code /messages} send body, per message type, with the Cloud API's error codes. */
final class MessageRules {

    static final Set<String> MEDIA_TYPES = Set.of("image", "audio", "document", "video", "sticker");
    private static final Set<String> TYPES = Set.of("text", "image", "audio", "document", "video", "sticker",
            "interactive", "template", "reaction", "location", "contacts");
    private static final Set<String> CAPTIONED = Set.of("image", "document", "video");

    private final TemplateRules templates;
    private final InteractiveRules interactive = new InteractiveRules();
    private final MediaStore media;

    MessageRules(TemplateCatalog catalog, MediaStore media) {
        this.templates = new TemplateRules(catalog);
        this.media = media;
    }

    /** The message type a body declares; {@code text} when omitted, as the API assumes. */
    static String typeOf(JsonNode body) {
        var type = Json.text(body, "type");
        return type == null ? "text" : type;
    }

    Optional<GraphError> check(JsonNode body) {
        if (!body.isObject()) {
            return Optional.of(GraphError.invalidParameter("The request body is not valid JSON"));
        }
        if (!"whatsapp".equals(Json.text(body, "messaging_product"))) {
            return Optional.of(GraphError.invalidParameter("The parameter messaging_product is required and must "
                    + "be 'whatsapp'."));
        }
        var recipientType = Json.text(body, "recipient_type");
        if (recipientType != null && !recipientType.equals("individual")) {
            return Optional.of(GraphError.invalidParameter("Invalid recipient_type: " + recipientType));
        }
        var to = Json.text(body, "to");
        if (to == null || !to.replaceAll("[^0-9]", "").matches("[0-9]{7,15}")) {
            return Optional.of(GraphError.invalidParameter("The parameter to is required and must be a phone number."));
        }
        var callbackData = body.get("biz_opaque_callback_data");
        if (callbackData != null && (!callbackData.isString() || callbackData.asString().length() > 512)) {
            return Optional.of(GraphError.invalidParameter("biz_opaque_callback_data must be a string of at most "
                    + "512 characters"));
        }
        var type = typeOf(body);
        if (!TYPES.contains(type)) {
            return Optional.of(GraphError.invalidParameter("Param type must be one of " + TYPES));
        }
        if (!body.path(type).isObject() && !"contacts".equals(type)) {
            return Optional.of(GraphError.missingParameter("The parameter " + type + " is required."));
        }
        return byType(type, body);
    }

    private Optional<GraphError> byType(String type, JsonNode body) {
        var payload = body.path(type);
        return switch (type) {
            case "text" -> text(payload);
            case "interactive" -> interactive.check(payload);
            case "template" -> templates.check(payload);
            case "reaction" -> reaction(payload);
            case "location" -> location(payload);
            case "contacts" -> contacts(body.path("contacts"));
            default -> media(type, payload);
        };
    }

    private Optional<GraphError> text(JsonNode text) {
        var body = Json.text(text, "body");
        if (body == null || body.isEmpty()) {
            return Optional.of(GraphError.missingParameter("The parameter text['body'] is required."));
        }
        return InteractiveRules.between("text['body']", body, 1, 4096);
    }

    private Optional<GraphError> media(String type, JsonNode payload) {
        boolean byId = Json.has(payload, "id");
        boolean byLink = Json.has(payload, "link");
        if (byId == byLink) {
            return Optional.of(GraphError.invalidParameter("Exactly one of " + type + "['id'] or " + type
                    + "['link'] is required."));
        }
        if (byId && media.get(Json.text(payload, "id")).isEmpty()) {
            return Optional.of(GraphError.invalidParameter("Param " + type + "['id'] is not a valid whatsapp "
                    + "business account media attachment ID"));
        }
        var link = Json.text(payload, "link");
        if (byLink && (link == null || !(link.startsWith("https://") || link.startsWith("http://")))) {
            return Optional.of(GraphError.invalidValue(type + "['link'] must be an http(s) URL"));
        }
        if (payload.has("caption") && !CAPTIONED.contains(type)) {
            return Optional.of(GraphError.invalidParameter("Param " + type + "['caption'] is not allowed for " + type));
        }
        var caption = Json.text(payload, "caption");
        return caption == null ? Optional.empty() : InteractiveRules.between("caption", caption, 0, 1024);
    }

    private Optional<GraphError> reaction(JsonNode reaction) {
        if (Json.text(reaction, "message_id") == null || Json.text(reaction, "emoji") == null) {
            return Optional.of(GraphError.missingParameter("reaction['message_id'] and reaction['emoji'] are "
                    + "required (an empty emoji removes the reaction)."));
        }
        return Optional.empty();
    }

    private Optional<GraphError> location(JsonNode location) {
        if (!location.path("latitude").isNumber() || !location.path("longitude").isNumber()) {
            return Optional.of(GraphError.missingParameter("location['latitude'] and location['longitude'] are "
                    + "required numbers."));
        }
        return Optional.empty();
    }

    private Optional<GraphError> contacts(JsonNode contacts) {
        if (!contacts.isArray() || contacts.isEmpty()) {
            return Optional.of(GraphError.missingParameter("The parameter contacts is required."));
        }
        for (var contact : contacts) {
            if (Json.text(contact.path("name"), "formatted_name") == null) {
                return Optional.of(GraphError.missingParameter("contacts[]['name']['formatted_name'] is required."));
            }
        }
        return Optional.empty();
    }
}
