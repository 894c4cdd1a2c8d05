package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one webhook envelope ({@code object: whatsapp_business_account}, {@code entry[].changes[].value}) for a
 * business number, batching any number of messages (with their senders in {@code contacts}) and statuses.
 */
public final class Notification {

    private final BusinessNumber number;
    private final Map<String, String> contacts = new LinkedHashMap<>();
    private final List<JsonNode> messages = new ArrayList<>();
    private final List<JsonNode> statuses = new ArrayList<>();

    private Notification(BusinessNumber number) {
        this.number = number;
    }

    public static Notification to(BusinessNumber number) {
        return new Notification(number);
    }

    /** Adds an inbound message from a customer whose WhatsApp profile name is {@code profileName}. */
    public Notification message(ObjectNode message, String profileName) {
        contacts.putIfAbsent(Json.text(message, "from"), profileName);
        messages.add(message);
        return this;
    }

    public Notification status(ObjectNode status) {
        statuses.add(status);
        return this;
    }

    public ObjectNode json() {
        var value = Json.object().put("messaging_product", "whatsapp");
        value.set("metadata", Json.object().put("display_phone_number", number.displayPhoneNumber())
                .put("phone_number_id", number.phoneNumberId()));
        if (!contacts.isEmpty()) {
            var array = value.putArray("contacts");
            contacts.forEach((waId, name) -> array.add(contact(waId, name)));
        }
        if (!messages.isEmpty()) {
            value.putArray("messages").addAll(messages);
        }
        if (!statuses.isEmpty()) {
            value.putArray("statuses").addAll(statuses);
        }
        var change = Json.object().put("field", "messages");
        change.set("value", value);
        var entry = Json.object().put("id", number.wabaId());
        entry.putArray("changes").add(change);
        var envelope = Json.object().put("object", "whatsapp_business_account");
        envelope.putArray("entry").add(entry);
        return envelope;
    }

    private static ObjectNode contact(String waId, String name) {
        var contact = Json.object();
        contact.set("profile", Json.object().put("name", name));
        return contact.put("wa_id", waId);
    }
}
