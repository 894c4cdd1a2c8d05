package dev.switchboard.webchat.cluster;

import dev.switchboard.webchat.config.WebchatProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.annotation.PreDestroy;
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
 * notification never carries more than PostgreSQL's 8000-byte payload limit (a larger delta is skipped: the
 * committed message still follows by seq).
 *
 * <p>Notifications queue in memory and one sender thread writes whatever queued meanwhile in a single small
 * transaction (one statement, commit not waited for: a notification is not data, and a crashed server has no
 * listeners left to tell). It was a transaction per notification, about five per web chat message. Order is kept:
 * one sender, and PostgreSQL delivers one transaction's notifications in the order they were sent. Each payload
 * carries a sequence number, because PostgreSQL drops a payload identical to one already sent in the same
 * transaction (typing on, off, on would lose the last "on").
 */
@Component
class PostgresFanout implements Fanout {

    static final String CHANNEL = "webchat";
    private static final int MAX_PAYLOAD_BYTES = 7900;
    private static final int MAX_QUEUED = 50_000;
    private static final int MAX_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PostgresFanout.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Node node;
    private final boolean enabled;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final AtomicLong sequence = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;

    PostgresFanout(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, Node node,
                   WebchatProperties properties) {
        this.enabled = properties.fanout();
        this.jdbc = jdbc;
        this.json = json;
        this.node = node;
        this.tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sender = enabled ? Thread.ofVirtual().name("webchat-fanout").start(this::sendLoop) : null;
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
        if (!queue.offer(text)) {
            log.warn("web chat fan-out queue full ({}): a {} was not announced to other nodes", MAX_QUEUED,
                    payload.path("k").asString());
        }
    }

    private void sendLoop() {
        List<String> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                String first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void send(List<String> batch) {
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("select set_config('synchronous_commit', 'off', true)").query(String.class).single();
                jdbc.sql("select pg_notify(:channel, p) from unnest(cast(:payloads as text[])) with ordinality as u(p, i) order by i")
                        .param("channel", CHANNEL).param("payloads", batch.toArray(String[]::new)).query((rs, n) -> 1).list();
            });
        } catch (RuntimeException e) {
            log.warn("web chat fan-out of {} notifications failed: {}", batch.size(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (sender != null) {
            sender.join(Duration.ofSeconds(3));
        }
    }
}
