package dev.switchboard.webchat.cluster;

import dev.switchboard.shared.NotifyQueue;
import dev.switchboard.webchat.config.WebchatProperties;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes on the PostgreSQL channel {@code webchat}; {@link NotificationListener} receives on every node. A
 * notification never carries more than PostgreSQL's 8000-byte payload limit (a larger delta is skipped: the
 * committed message still follows by seq).
 *
 * <p>Notifications go out in batches through {@link NotifyQueue} (it was a transaction per notification, about five
 * per web chat message). Each payload carries a sequence number, because PostgreSQL drops a payload identical to
 * one already sent in the same transaction (typing on, off, on would lose the last "on").
 */
@Component
class PostgresFanout implements Fanout {

    static final String CHANNEL = "webchat";
    private static final int MAX_PAYLOAD_BYTES = 7900;
    private static final Logger log = LoggerFactory.getLogger(PostgresFanout.class);

    private final NotifyQueue notifications;
    private final JsonMapper json;
    private final Node node;
    private final boolean enabled;
    private final AtomicLong sequence = new AtomicLong();

    PostgresFanout(NotifyQueue notifications, JsonMapper json, Node node, WebchatProperties properties) {
        this.enabled = properties.fanout();
        this.notifications = notifications;
        this.json = json;
        this.node = node;
    }

    @Override
    public void message(UUID tenantId, String visitorId, UUID conversationId, long seq) {
        publish(payload("m", tenantId, visitorId, conversationId).put("s", seq));
    }

    @Override
    public void delta(UUID tenantId, String visitorId, UUID conversationId, UUID turnId, int offset, String text) {
        publish(payload("d", tenantId, visitorId, conversationId).put("u", turnId.toString()).put("o", offset).put("x", text));
    }

    @Override
    public void notice(UUID tenantId, String visitorId, UUID conversationId, String frame) {
        publish(payload("f", tenantId, visitorId, conversationId).put("x", frame));
    }

    private ObjectNode payload(String kind, UUID tenantId, String visitorId, UUID conversationId) {
        return json.createObjectNode().put("k", kind).put("n", node.id()).put("q", sequence.incrementAndGet())
                .put("t", tenantId.toString()).put("a", visitorId).put("c", conversationId.toString());
    }

    private void publish(ObjectNode payload) {
        if (!enabled) {
            return;
        }
        String text = json.writeValueAsString(payload);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            log.debug("web chat fan-out skipped a {} of {} bytes", payload.path("k").asString(), text.length());
            return;
        }
        notifications.send(CHANNEL, text);
    }
}
