package dev.switchboard.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real PostgreSQL binaries (from Maven Central) started in-process when no DATABASE_URL is given. A persistent
 * cluster keeps its data under SWITCHBOARD_HOME with fsync and synchronous commit on, so a crash loses nothing
 * that was acknowledged; an ephemeral one (tests) trades durability for speed.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, boolean ephemeral) {
        try {
            // No shutdown hook of its own: it would stop the server while the closing context still uses it (the
            // event registry checks its outbox on the way down, and waits out the pool's timeout); the context closes
            // the server itself, after the pool.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            if ("true".equalsIgnoreCase(System.getenv("SWITCHBOARD_DB_STATEMENT_STATS"))) {
                // For measuring what a message costs: `create extension pg_stat_statements` as the embedded
                // superuser, then read pg_stat_statements (README, SWITCHBOARD_DB_STATEMENT_STATS).
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            if (ephemeral) {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                Files.createDirectories(dataDirectory);
                stopOrphanedServer(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            long started = System.nanoTime();
            EmbeddedPostgres pg = builder.start();
            log.info("embedded PostgreSQL up on port {} in {} ms ({})", pg.getPort(),
                    (System.nanoTime() - started) / 1_000_000,
                    ephemeral ? "ephemeral, fsync off" : "data in " + dataDirectory);
            return new EmbeddedPostgresServer(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * The owner's connection. The URL names no user on purpose: PgJDBC lets a {@code user} URL parameter win over
     * the pool's username, which would quietly connect the application as the superuser.
     */
    ConnectionInfo ownerConnection() {
        return new ConnectionInfo("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres");
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL running on our data folder; stop it so this start can take
     * the folder over instead of failing on a lock held by a process nobody uses.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        } catch (RuntimeException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("stopping an orphaned embedded PostgreSQL (pid {}) left on {}", pid, dataDirectory);
        process.get().destroy();
        process.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
