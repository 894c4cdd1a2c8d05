package dev.switchboard.webchat.cluster;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.webchat.config.WebchatProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the {@code webchat} channel over a connection of its own (outside the pool, which it would
 * otherwise hold forever) and hands what other nodes published to the local sockets. Reconnects after a
 * failure; a notification missed meanwhile costs nothing durable, since widgets resume by seq.
 */
@Component
class NotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final DataSource dataSource;
    private final Fanout.Receiver receiver;
    private final JsonMapper json;
    private final Node node;
    private final boolean enabled;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    NotificationListener(DataSource dataSource, Fanout.Receiver receiver, JsonMapper json, Node node,
                         WebchatProperties properties) {
        this.enabled = properties.fanout();
        this.dataSource = dataSource;
        this.receiver = receiver;
        this.json = json;
        this.node = node;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("webchat-fanout").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        long backoff = 500;
        while (running) {
            try (Connection listening = open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + PostgresFanout.CHANNEL);
                }
                backoff = 500;
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("web chat fan-out listener lost its connection ({}); retrying", e.getMessage());
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
        }
    }

    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    void dispatch(String payload) {
        try {
            JsonNode n = json.readTree(payload);
            if (node.id().equals(n.path("n").asString())) {
                return;
            }
            UUID tenant = UUID.fromString(n.path("t").asString());
            String visitor = n.path("a").asString();
            UUID conversation = UUID.fromString(n.path("c").asString());
            switch (n.path("k").asString()) {
                case "m" -> receiver.message(tenant, visitor, conversation, n.path("s").asLong());
                case "d" -> receiver.delta(tenant, visitor, conversation, UUID.fromString(n.path("u").asString()),
                        n.path("o").asInt(), n.path("x").asString());
                case "f" -> receiver.notice(tenant, visitor, conversation, n.path("x").asString());
                default -> log.debug("web chat fan-out: unknown kind in {}", payload);
            }
        } catch (RuntimeException e) {
            log.warn("web chat fan-out: cannot handle a notification: {}", e.getMessage());
        }
    }

    private void closeQuietly() {
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                log.debug("closing the fan-out connection: {}", e.getMessage());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
