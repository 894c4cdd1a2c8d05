package dev.switchboard.webchat.cluster;

import dev.switchboard.webchat.config.WebchatProperties;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes on the PostgreSQL channel {@code webchat}; {@link NotificationListener} receives on every node. A
 * notification is only sent once its own small transaction commits, and never carries more than PostgreSQL's
 * 8000-byte payload limit (a larger delta is skipped: the committed message still follows by seq).
 */
@Component
class PostgresFanout implements Fanout {

    static final String CHANNEL = "webchat";
    private static final int MAX_PAYLOAD_BYTES = 7900;
    private static final Logger log = LoggerFactory.getLogger(PostgresFanout.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Node node;
    private final boolean enabled;

    PostgresFanout(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, Node node,
                   WebchatProperties properties) {
        this.enabled = properties.fanout();
        this.jdbc = jdbc;
        this.json = json;
        this.node = node;
        this.tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        return json.createObjectNode().put("k", kind).put("n", node.id()).put("t", tenantId.toString())
                .put("a", visitorId).put("c", conversationId.toString());
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
        try {
            tx.executeWithoutResult(status -> jdbc.sql("select pg_notify(:channel, :payload)")
                    .param("channel", CHANNEL).param("payload", text).query((rs, n) -> 1).list());
        } catch (RuntimeException e) {
            log.warn("web chat fan-out failed: {}", e.getMessage());
        }
    }
}
