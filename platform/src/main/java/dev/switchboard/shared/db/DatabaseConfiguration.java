package dev.switchboard.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.shared.SwitchboardHome;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the database in three steps: find or start the server, migrate it as the owner, and only then open the
 * application's pool as the restricted role. Nothing runs against a half-migrated schema.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedServerHolder embeddedServer(DatabaseProperties properties, SwitchboardHome home,
                                        @Value("${" + EarlyEmbeddedStart.START_ID + ":#{null}}") String startId) {
        if (!properties.useEmbedded()) {
            return new EmbeddedServerHolder(null);
        }
        var early = EarlyEmbeddedStart.take(startId);
        if (early != null) {
            try {
                return new EmbeddedServerHolder(early.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        boolean ephemeral = properties.embedded().ephemeral();
        return new EmbeddedServerHolder(EmbeddedPostgresServer.start(
                EarlyEmbeddedStart.dataDirectory(home, ephemeral), ephemeral));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServerHolder embedded, SwitchboardHome home) {
        ConnectionInfo owner = embedded.server() != null
                ? embedded.server().ownerConnection()
                : ConnectionInfo.parse(properties.url(), properties.user(), properties.password());
        String appPassword = properties.appPassword();
        if (appPassword == null || appPassword.isBlank()) {
            if (!properties.useEmbedded()) {
                throw new IllegalStateException("DATABASE_APP_PASSWORD is required with DATABASE_URL: the application "
                        + "connects as " + properties.appUser() + ", a role that owns no table and cannot bypass RLS");
            }
            appPassword = home.readOrCreatePrivate("database-app-password",
                    () -> HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
        }
        ConnectionInfo app = owner.as(properties.appUser(), appPassword);
        new SchemaMigrations(owner, properties.appUser(), appPassword).migrate();

        HikariConfig config = new HikariConfig();
        config.setPoolName("switchboard");
        config.setJdbcUrl(app.jdbcUrl());
        config.setUsername(app.user());
        config.setPassword(app.password());
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(2);
        config.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(config);
        RestrictedRole.verify(dataSource);
        return dataSource;
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new TenantAwareTransactionManager(dataSource);
    }

    record EmbeddedServerHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

}
