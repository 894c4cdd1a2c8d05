package dev.switchboard.workspace.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds one connection that LISTENs for workspace notices and hands each to the fan-out. If the connection
 * breaks, notices may have been missed meanwhile: after reconnecting it asks every dashboard to resynchronise.
 */
@Component
class LiveNoticeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNoticeListener.class);
    private static final int POLL_MILLIS = 500;
    /** How often an idle connection is probed, so a silently dropped one is noticed. */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final LiveFanout fanout;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    LiveNoticeListener(DataSource dataSource, LiveFanout fanout) {
        this.dataSource = dataSource;
        this.fanout = fanout;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("workspace-listen").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the LISTEN is in place (for tests and health). */
    boolean listening() {
        return listening;
    }

    private void loop() {
        boolean first = true;
        long backoff = 250;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection, first);
                first = false;
                backoff = 250;
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                log.warn("workspace notifications interrupted ({}); reconnecting in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void listen(Connection connection, boolean first) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + LiveNotice.CHANNEL);
        }
        listening = true;
        if (!first) {
            fanout.resyncAll();
        }
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            long probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
            while (running) {
                PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        dispatch(notification.getParameter());
                    }
                }
                if (System.nanoTime() > probeAt) {
                    try (Statement probe = connection.createStatement()) {
                        probe.execute("select 1");
                    }
                    probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
                }
            }
        } finally {
            listening = false;
            // The connection goes back to the pool: it must not keep listening for its next user.
            try (Statement statement = connection.createStatement()) {
                statement.execute("unlisten *");
            } catch (SQLException ignored) {
                // a broken connection is discarded by the pool anyway
            }
        }
    }

    private void dispatch(String payload) {
        try {
            fanout.dispatch(LiveNotice.decode(payload));
        } catch (IllegalArgumentException e) {
            log.warn("ignored a malformed workspace notice");
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
