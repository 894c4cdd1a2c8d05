package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Ids;
import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The {@code messages[]} objects of inbound webhooks, one factory per type, each with a fresh wamid and the current
 * time as a string of Unix seconds. Use {@link #withId} / {@link #withContext} to adjust.
 */
public final class InboundMessages {

    private InboundMessages() {
    }

    public static ObjectNode text(String from, String body) {
        return message(from, "text").set("text", Json.object().put("body", body));
    }

    public static ObjectNode buttonReply(String from, String id, String title) {
        var interactive = Json.object().put("type", "button_reply");
        interactive.set("button_reply", Json.object().put("id", id).put("title", title));
        return message(from, "interactive").set("interactive", interactive);
    }

    public static ObjectNode listReply(String from, String id, String title, String description) {
        var interactive = Json.object().put("type", "list_reply");
        interactive.set("list_reply", Json.object().put("id", id).put("title", title).put("description", description));
        return message(from, "interactive").set("interactive", interactive);
    }

    /** A tap on a template's quick-reply button. */
    public static ObjectNode quickReply(String from, String payload, String text) {
        return message(from, "button").set("button", Json.object().put("payload", payload).put("text", text));
    }

    public static ObjectNode location(String from, double latitude, double longitude, String name, String address) {
        var location = Json.object().put("latitude", latitude).put("longitude", longitude).put("name", name)
                .put("address", address);
        return message(from, "location").set("location", location);
    }

    /** An image, audio, video, document or sticker by media id (put the bytes in the Graph fake's media store). */
    public static ObjectNode media(String from, String type, String mediaId, String mimeType, String sha256) {
        var media = Json.object().put("id", mediaId).put("mime_type", mimeType).put("sha256", sha256);
        return message(from, type).set(type, media);
    }

    public static ObjectNode image(String from, String mediaId, String caption) {
        var message = media(from, "image", mediaId, "image/jpeg", Ids.random("", 43) + "=");
        ((ObjectNode) message.get("image")).put("caption", caption);
        return message;
    }

    public static ObjectNode voiceNote(String from, String mediaId) {
        var message = media(from, "audio", mediaId, "audio/ogg; codecs=opus", Ids.random("", 43) + "=");
        ((ObjectNode) message.get("audio")).put("voice", true);
        return message;
    }

    public static ObjectNode document(String from, String mediaId, String filename, String mimeType) {
        var message = media(from, "document", mediaId, mimeType, Ids.random("", 43) + "=");
        ((ObjectNode) message.get("document")).put("filename", filename);
        return message;
    }

    public static ObjectNode withId(ObjectNode message, String wamid) {
        return message.put("id", wamid);
    }

    /** Marks the message as a reply to (or a button click on) the business message {@code wamid}. */
    public static ObjectNode withContext(ObjectNode message, String businessNumber, String wamid) {
        message.set("context", Json.object().put("from", businessNumber).put("id", wamid));
        return message;
    }

    public static ObjectNode withTimestamp(ObjectNode message, Instant at) {
        return message.put("timestamp", Long.toString(at.getEpochSecond()));
    }

    static ObjectNode message(String from, String type) {
        return Json.object().put("from", from).put("id", newWamid())
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", type);
    }

    static String newWamid() {
        return Ids.random("wamid.HBgL", 48);
    }
}
