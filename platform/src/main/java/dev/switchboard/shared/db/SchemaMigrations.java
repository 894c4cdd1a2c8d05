package dev.switchboard.shared.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs as the owner role: makes sure the application role exists (restricted: no superuser, no RLS bypass, no
 * ownership), then applies the Flyway migrations, which grant that role exactly the table privileges it needs.
 */
final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final ConnectionInfo owner;
    private final String appRole;
    private final String appPassword;

    SchemaMigrations(ConnectionInfo owner, String appRole, String appPassword) {
        this.owner = owner;
        this.appRole = appRole;
        this.appPassword = appPassword;
    }

    void migrate() {
        ensureAppRole();
        var result = Flyway.configure()
                .dataSource(owner.jdbcUrl(), owner.user(), owner.password())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", appRole))
                // Each module owns a range of versions (1xx foundation, 2xx conversation, 3xx agent...), so a module's
                // later migration can be numbered below another module's already applied one: apply it all the same.
                .outOfOrder(true)
                .load()
                .migrate();
        log.info("database schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    private void ensureAppRole() {
        // Role names cannot be bound as parameters; the name is restricted to [a-z0-9_] by DatabaseProperties,
        // and the password is quoted as a literal.
        String password = "'" + appPassword.replace("'", "''") + "'";
        String sql = """
                do $$ begin
                  if not exists (select from pg_roles where rolname = '%1$s') then
                    create role %1$s login nosuperuser nobypassrls nocreatedb nocreaterole password %2$s;
                  else
                    alter role %1$s with login nosuperuser nobypassrls password %2$s;
                  end if;
                end $$""".formatted(appRole, password);
        try (Connection connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the application role " + appRole + " as " + owner.user()
                    + ": " + e.getMessage() + " (create it yourself: login, nosuperuser, nobypassrls)", e);
        }
    }
}
