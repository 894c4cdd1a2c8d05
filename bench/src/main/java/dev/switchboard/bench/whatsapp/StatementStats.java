package dev.switchboard.bench.whatsapp;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --statements N}: the platform's PostgreSQL statements during the measured run, from pg_stat_statements
 * (the platform loads it when started with SWITCHBOARD_DB_STATEMENT_STATS=true): the N that took the most time, with
 * calls per message, mean time and buffers per call. Where a message's database work goes, statement by statement.
 */
final class StatementStats {

    record Statement(String query, long calls, double totalMs, double meanMs, long rows, long buffers) {
    }

    record Snapshot(long calls, double totalMs, List<Statement> top) {
        static final Snapshot NONE = new Snapshot(0, 0, List.of());
    }

    private final Path postmasterPid;

    StatementStats(Path postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** Starts counting from now. */
    void reset() {
        try (Connection connection = DatabaseCounters.connect(postmasterPid)) {
            connection.createStatement().execute("create extension if not exists pg_stat_statements");
            connection.createStatement().execute("select pg_stat_statements_reset()");
        } catch (IOException | SQLException e) {
            WhatsAppBench.progress("statement statistics unavailable: " + e.getMessage());
        }
    }

    Snapshot read(int limit) {
        try (Connection connection = DatabaseCounters.connect(postmasterPid);
             PreparedStatement top = connection.prepareStatement("""
                     select left(regexp_replace(query, '\\s+', ' ', 'g'), 200), calls, total_exec_time, mean_exec_time,
                            rows, shared_blks_hit + shared_blks_read
                       from pg_stat_statements where query not like '%pg_stat_statements%'
                      order by total_exec_time desc limit ?""");
             ResultSet totals = connection.createStatement().executeQuery("""
                     select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) from pg_stat_statements
                      where query not like '%pg_stat_statements%'""")) {
            totals.next();
            top.setInt(1, limit);
            List<Statement> statements = new ArrayList<>();
            try (ResultSet rs = top.executeQuery()) {
                while (rs.next()) {
                    statements.add(new Statement(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getLong(5), rs.getLong(6)));
                }
            }
            return new Snapshot(totals.getLong(1), totals.getDouble(2), statements);
        } catch (IOException | SQLException e) {
            WhatsAppBench.progress("statement statistics unavailable: " + e.getMessage());
            return Snapshot.NONE;
        }
    }
}
