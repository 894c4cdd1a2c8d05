package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** The {@code statuses[]} objects of status webhooks: sent, delivered, read, and failed with its errors. */
public final class StatusUpdates {

    private StatusUpdates() {
    }

    /** {@code status} is one of sent, delivered, read (or played, for voice). */
    public static ObjectNode of(String wamid, String status, String recipient) {
        var update = Json.object().put("id", wamid).put("status", status)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("recipient_id", recipient);
        if (!"read".equals(status)) {
            var pricing = Json.object().put("billable", true).put("pricing_model", "PMP").put("category", "service")
                    .put("type", "free_customer_service");
            update.set("pricing", pricing);
        }
        return update;
    }

    public static ObjectNode failed(String wamid, String recipient, int code, String title, String details) {
        var error = Json.object().put("code", code).put("title", title).put("message", title);
        error.set("error_data", Json.object().put("details", details));
        error.put("href", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
        var update = Json.object().put("id", wamid).put("status", "failed")
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("recipient_id", recipient);
        update.putArray("errors").add(error);
        return update;
    }

    static ObjectNode failed(String wamid, String recipient, GraphError error) {
        return failed(wamid, recipient, error.code(), error.title(), error.details());
    }

    /** Echoes the {@code biz_opaque_callback_data} a send carried, as Meta does. */
    public static ObjectNode withCallbackData(ObjectNode update, String data) {
        return update.put("biz_opaque_callback_data", data);
    }
}
