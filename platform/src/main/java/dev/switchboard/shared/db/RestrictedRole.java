package dev.switchboard.shared.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Refuses to start when the application's pool would connect as a role that row-level security cannot hold. */
final class RestrictedRole {

    private RestrictedRole() {
    }

    static void verify(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select r.rolname, r.rolsuper, r.rolbypassrls,
                            (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                              where c.relowner = r.oid and n.nspname = 'public') as owned
                       from pg_roles r where r.rolname = current_user""")) {
            rs.next();
            if (rs.getBoolean("rolsuper") || rs.getBoolean("rolbypassrls") || rs.getLong("owned") > 0) {
                throw new IllegalStateException("the application role " + rs.getString("rolname")
                        + " is a superuser, bypasses RLS or owns tables; tenant isolation would not hold");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect as the application role: " + e.getMessage(), e);
        }
    }
}
