package dev.switchboard.whatsapp.inbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Two connections of the inbox's own, as the same restricted role: webhooks are acknowledged only once written,
 * so their writes must never queue behind the work they trigger (agent turns, deliveries) for a pooled connection.
 * Also tells the workers when the shared pool is crowded, so they let the backlog wait in the inbox instead.
 */
@Component
class InboxConnections implements DisposableBean {

    private final DataSource shared;
    private final HikariDataSource own;

    InboxConnections(DataSource dataSource) {
        this.shared = dataSource;
        if (dataSource instanceof HikariDataSource pool) {
            HikariConfig config = new HikariConfig();
            pool.copyStateTo(config);
            config.setPoolName("whatsapp-inbox");
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(2);
            this.own = new HikariDataSource(config);
        } else {
            this.own = null;
        }
    }

    Connection forWrites() throws SQLException {
        return own != null ? own.getConnection() : shared.getConnection();
    }

    /** More threads waiting for a shared connection than the pool has connections: the database is the bottleneck. */
    boolean sharedPoolCrowded() {
        if (!(shared instanceof HikariDataSource pool) || pool.getHikariPoolMXBean() == null) {
            return false;
        }
        return pool.getHikariPoolMXBean().getThreadsAwaitingConnection() > pool.getMaximumPoolSize();
    }

    @Override
    public void destroy() {
        if (own != null) {
            own.close();
        }
    }
}
