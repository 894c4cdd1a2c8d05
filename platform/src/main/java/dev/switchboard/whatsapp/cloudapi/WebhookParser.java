package dev.switchboard.whatsapp.cloudapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Meta's webhook envelope ({@code entry[].changes[].value}), looping over every entry and change, since one
 * POST may batch several messages and statuses. Runs after the signature check, on bytes already verified.
 */
@Component
public class WebhookParser {

    /**
     * Buffers are pooled in one shared deque rather than per thread, so a few buffers serve every request thread
     * (and any virtual thread, which a thread-local pool would serve with new buffers every time).
     */
    private final JsonMapper json = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build()).build();

    /** @throws MalformedWebhook when the body is not a WhatsApp Business Account notification */
    public WebhookNotification parse(byte[] body) {
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhook("the body is not JSON");
        }
        if (!"whatsapp_business_account".equals(envelope.path("object").asString(null))) {
            throw new MalformedWebhook("object is not whatsapp_business_account");
        }
        Collector collector = new Collector();
        for (JsonNode entry : envelope.path("entry")) {
            collector.accounts.add(entry.path("id").asString(""));
            for (JsonNode change : entry.path("changes")) {
                collector.change(change);
            }
        }
        return new WebhookNotification(List.copyOf(collector.events), Set.copyOf(collector.numbers),
                Set.copyOf(collector.accounts), collector.templatesChanged, List.copyOf(collector.errors));
    }

    private final class Collector {
        final List<WebhookEvent> events = new ArrayList<>();
        final Set<String> numbers = new LinkedHashSet<>();
        final Set<String> accounts = new LinkedHashSet<>();
        final List<String> errors = new ArrayList<>();
        boolean templatesChanged;

        void change(JsonNode change) {
            String field = change.path("field").asString("");
            if (field.startsWith("message_template")) {
                templatesChanged = true;
                return;
            }
            if (!"messages".equals(field)) {
                return;
            }
            JsonNode value = change.path("value");
            numbers.add(value.at("/metadata/phone_number_id").asString(""));
            Map<String, String> names = new HashMap<>();
            value.path("contacts").forEach(c -> names.put(c.path("wa_id").asString(""), c.at("/profile/name").asString(null)));
            value.path("messages").forEach(m -> message(m, names));
            value.path("statuses").forEach(this::status);
            value.path("errors").forEach(e -> errors.add(e.path("code").asInt() + " " + e.path("title").asString("")));
        }

        void message(JsonNode message, Map<String, String> names) {
            String wamid = message.path("id").asString(null);
            if (wamid == null) {
                throw new MalformedWebhook("a message without an id");
            }
            String from = message.path("from").asString("");
            ObjectNode payload = json.createObjectNode();
            payload.putObject("contact").put("wa_id", from).put("name", names.get(from));
            payload.set("message", message);
            events.add(new WebhookEvent(WebhookEvent.MESSAGE, wamid, json.writeValueAsString(payload)));
        }

        void status(JsonNode status) {
            String wamid = status.path("id").asString(null);
            String state = status.path("status").asString(null);
            if (wamid == null || state == null) {
                throw new MalformedWebhook("a status without an id or a status");
            }
            ObjectNode payload = json.createObjectNode();
            payload.set("status", status);
            events.add(new WebhookEvent(WebhookEvent.STATUS, wamid + ":" + state, json.writeValueAsString(payload)));
        }
    }
}
