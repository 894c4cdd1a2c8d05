package dev.switchboard.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The database as its owner (the role that ran the migrations) sees it: tests read the catalog, take
 * snapshots across tenants and plant rows the application could never write. Row-level security does not
 * hold this connection back (the embedded owner is a superuser).
 */
public final class OwnerDatabase {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    private OwnerDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    public static OwnerDatabase of(ApplicationContext context) {
        var holder = context.getBean(DatabaseConfiguration.EmbeddedServerHolder.class);
        if (holder.server() == null) {
            throw new IllegalStateException("tests run against the embedded PostgreSQL only");
        }
        ConnectionInfo owner = holder.server().ownerConnection();
        return new OwnerDatabase(new SimpleDriverDataSource(new org.postgresql.Driver(), owner.jdbcUrl(), owner.user(),
                owner.password()));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** A connection of its own, e.g. to hold a lock while the application runs into it. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** How many of the application's connections are waiting for a lock right now. */
    public long applicationConnectionsWaitingForALock() {
        return jdbc.sql("""
                select count(*) from pg_stat_activity
                 where usename = 'switchboard_app' and wait_event_type = 'Lock'""").query(Long.class).single();
    }

    /** Every table of the public schema that has a {@code tenant_id} column. */
    public List<String> tenantTables() {
        return jdbc.sql("""
                select c.relname from pg_class c
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                 where n.nspname = 'public' and c.relkind in ('r', 'p')
                 order by c.relname""").query(String.class).list();
    }

    /**
     * Everything one tenant owns, row by row as text: every tenant table plus the user rows of its members
     * (password hashes and session epochs included). Equal snapshots before and after prove no side effect.
     */
    public Map<String, List<String>> snapshot(UUID tenantId) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : tenantTables()) {
            rows.put(table, jdbc.sql("select t::text from " + quote(table) + " t where tenant_id = :tenant order by 1")
                    .param("tenant", tenantId).query(String.class).list());
        }
        rows.put("users (members)", jdbc.sql("""
                select u::text from users u where u.id in (select user_id from memberships where tenant_id = :tenant)
                 order by 1""").param("tenant", tenantId).query(String.class).list());
        rows.put("tenants", jdbc.sql("select t::text from tenants t where id = :tenant")
                .param("tenant", tenantId).query(String.class).list());
        return rows;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
