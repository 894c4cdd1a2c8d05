package dev.switchboard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications sent after commit, in batches: a listener hears a committed change's notice, never a rolled back
 * one's, and hears one node's notices in the order they were queued.
 */
@PlatformTest
class NotifyQueueTest {

    @Autowired
    NotifyQueue notifications;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aNoticeQueuedInATransactionIsHeardOnlyIfItCommits() throws Exception {
        String channel = "test_" + UUID.randomUUID().toString().replace("-", "");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        try (Connection listener = listen(channel)) {
            List<String> beforeCommit = new ArrayList<>();
            tx.executeWithoutResult(status -> {
                notifications.sendAfterCommit(channel, "committed");
                beforeCommit.addAll(heardUnchecked(listener, 1, 300));
            });
            assertThat(beforeCommit).as("nothing before the commit").isEmpty();
            tx.executeWithoutResult(status -> {
                notifications.sendAfterCommit(channel, "rolled back");
                status.setRollbackOnly();
            });
            notifications.sendAfterCommit(channel, "outside any transaction");

            assertThat(heard(listener, 2, 5000)).containsExactly("committed", "outside any transaction");
            assertThat(heard(listener, 1, 300)).isEmpty();
        }
    }

    @Test
    void aThousandNoticesQueuedAtOnceArriveAllAndInOrder() throws Exception {
        String channel = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection listener = listen(channel)) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                sent.add("n" + i);
                assertThat(notifications.send(channel, "n" + i)).isTrue();
            }
            assertThat(heard(listener, 1000, 10_000)).containsExactlyElementsOf(sent);
        }
    }

    private Connection listen(String channel) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + channel);
        }
        return connection;
    }

    private static List<String> heardUnchecked(Connection connection, int expected, long waitMillis) {
        try {
            return heard(connection, expected, waitMillis);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> heard(Connection connection, int expected, long waitMillis) throws SQLException {
        List<String> payloads = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (payloads.size() < expected && System.nanoTime() < deadline) {
            PGNotification[] batch = connection.unwrap(PGConnection.class).getNotifications(50);
            if (batch != null) {
                for (PGNotification n : batch) {
                    payloads.add(n.getParameter());
                }
            }
        }
        return payloads;
    }
}
