package dev.switchboard.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is and who connects. {@code url} empty means: start the embedded PostgreSQL.
 *
 * @param url           DATABASE_URL: {@code jdbc:postgresql://...} or {@code postgres://user:pass@host/db}
 * @param user          the owner role that runs migrations (defaults to the URL's user)
 * @param password      the owner's password (defaults to the URL's password)
 * @param appUser       the role the application's pool connects as; it must not own tables or bypass RLS
 * @param appPassword   its password; when the role does not exist and the owner may create roles, it is created
 * @param poolSize      the application pool's maximum size; by default five connections per core, at least ten:
 *                      more connections than the database can run at once only add processes that compete for
 *                      its cores (on two cores, 30 connections made a webhook's commit wait behind the backlog's
 *                      work: ack p99 716 ms against 311 ms with 10, WhatsApp benchmark at 1,000/s)
 * @param embedded      settings of the embedded server
 */
@ConfigurationProperties("switchboard.database")
public record DatabaseProperties(String url, String user, String password, String appUser, String appPassword,
                                 Integer poolSize, Embedded embedded) {

    public DatabaseProperties {
        appUser = appUser == null || appUser.isBlank() ? "switchboard_app" : appUser;
        poolSize = poolSize == null ? Math.max(10, 5 * Runtime.getRuntime().availableProcessors()) : poolSize;
        embedded = embedded == null ? new Embedded(false) : embedded;
        if (!appUser.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("switchboard.database.app-user must be a plain lower-case role name");
        }
    }

    public boolean useEmbedded() {
        return url == null || url.isBlank();
    }

    /**
     * @param ephemeral a throw-away cluster in a temporary folder without fsync (tests); otherwise the data lives
     *                  under SWITCHBOARD_HOME/postgres with durable commits
     */
    public record Embedded(boolean ephemeral) {
    }
}
