package dev.switchboard.bench.whatsapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Commits and rows written by the platform's embedded PostgreSQL (port from its postmaster.pid, the embedded
 * superuser), read before and after a run: how much database work one message costs.
 */
final class DatabaseCounters {

    record Counters(long commits, long rowsWritten, long rowsRead) {
        Counters minus(Counters earlier) {
            return new Counters(commits - earlier.commits, rowsWritten - earlier.rowsWritten, rowsRead - earlier.rowsRead);
        }
    }

    private final Path postmasterPid;

    DatabaseCounters(Path postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** A superuser connection to the embedded server whose postmaster.pid this is (line 4 holds its port). */
    static Connection connect(Path postmasterPid) throws IOException, SQLException {
        List<String> lines = Files.readAllLines(postmasterPid);
        String url = "jdbc:postgresql://127.0.0.1:" + lines.get(3).strip() + "/postgres";
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    Counters read() {
        try {
            try (Connection connection = connect(postmasterPid);
                 ResultSet rs = connection.createStatement().executeQuery("""
                         select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched
                           from pg_stat_database where datname = 'postgres'""")) {
                rs.next();
                return new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        } catch (IOException | SQLException | RuntimeException e) {
            WhatsAppBench.progress("database counters unavailable: " + e.getMessage());
            return new Counters(0, 0, 0);
        }
    }
}
