package dev.switchboard.shared.db;

import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.GLOBEX;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.PlatformTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tenant isolation at the database: every table with a {@code tenant_id} has row-level security enabled and
 * forced with a policy that has both USING and WITH CHECK on the current tenant, the application's role owns
 * nothing and bypasses nothing, and the policies behave as promised for that role.
 */
@PlatformTest
class RowLevelSecurityTest {

    private static final String APP_ROLE = "switchboard_app";

    @Autowired
    OwnerDatabase owner;
    @Autowired
    DataSource applicationPool;

    @Test
    void everyTenantTableHasForcedRowLevelSecurityWithUsingAndWithCheck() {
        List<String> tables = owner.tenantTables();
        assertThat(tables).contains("memberships", "invitations", "config_overrides", "config_override_history",
                "tenant_secrets");

        List<String> failures = new ArrayList<>();
        for (String table : tables) {
            Map<String, Object> flags = owner.jdbc().sql("""
                    select c.relrowsecurity, c.relforcerowsecurity from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = :t""")
                    .param("t", table).query().singleRow();
            if (!(Boolean) flags.get("relrowsecurity")) {
                failures.add(table + ": row-level security is not enabled");
            }
            if (!(Boolean) flags.get("relforcerowsecurity")) {
                failures.add(table + ": row-level security is not forced (the owner would bypass it)");
            }
            List<Map<String, Object>> policies = owner.jdbc().sql("""
                    select p.polname, p.polcmd::text as cmd, p.polpermissive,
                           pg_get_expr(p.polqual, p.polrelid) as using_clause,
                           pg_get_expr(p.polwithcheck, p.polrelid) as check_clause
                      from pg_policy p join pg_class c on c.oid = p.polrelid
                      join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relname = :t""").param("t", table).query().listOfRows();
            boolean guarded = policies.stream().anyMatch(p -> "*".equals(p.get("cmd"))
                    && mentionsCurrentTenant(p.get("using_clause")) && mentionsCurrentTenant(p.get("check_clause")));
            if (!guarded) {
                failures.add(table + ": no policy with both USING and WITH CHECK on app_current_tenant(): " + policies);
            }
            policies.stream().filter(p -> (Boolean) p.get("polpermissive"))
                    .filter(p -> (p.get("using_clause") != null && !mentionsCurrentTenant(p.get("using_clause")))
                            || (p.get("check_clause") != null && !mentionsCurrentTenant(p.get("check_clause"))))
                    .forEach(p -> failures.add(table + ": permissive policy " + p.get("polname")
                            + " widens access without the current tenant: " + p));
        }
        assertThat(failures).as("tenant tables without a forced tenant policy").isEmpty();
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        Map<String, Object> role = owner.jdbc().sql("""
                select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
                       (select count(*) from pg_class where relowner = r.oid) as relations,
                       (select count(*) from pg_proc where proowner = r.oid) as functions,
                       (select count(*) from pg_namespace where nspowner = r.oid) as schemas,
                       (select count(*) from pg_auth_members m join pg_roles g on g.oid = m.roleid
                         where m.member = r.oid) as granted_roles
                  from pg_roles r where rolname = :role""").param("role", APP_ROLE).query().singleRow();

        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false)
                .containsEntry("rolcreaterole", false).containsEntry("rolcreatedb", false)
                .containsEntry("relations", 0L).containsEntry("functions", 0L).containsEntry("schemas", 0L)
                .containsEntry("granted_roles", 0L);
        try (Connection connection = applicationPool.getConnection()) {
            assertThat(single(connection, "select current_user")).isEqualTo(APP_ROLE);
        }
    }

    @Test
    void theApplicationRoleCannotSwitchRowLevelSecurityOffOrBecomeTheOwner() throws SQLException {
        try (Connection connection = applicationPool.getConnection()) {
            assertThatThrownBy(() -> execute(connection, "alter table tenant_secrets disable row level security"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> execute(connection, "alter table tenant_secrets no force row level security"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> execute(connection, "drop policy tenant_isolation on tenant_secrets"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> execute(connection, "set role postgres"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void withNoTenantSetTheApplicationRoleSeesNoTenantRows() throws SQLException {
        List<String> populated = owner.tenantTables().stream()
                .filter(t -> owner.jdbc().sql("select count(*) from " + t).query(Long.class).single() > 0).toList();
        assertThat(populated).as("seeded tenant rows to hide").contains("memberships", "tenant_secrets");

        try (Connection connection = applicationPool.getConnection()) {
            for (String table : populated) {
                assertThat(single(connection, "select count(*) from " + table)).as(table + " outside any transaction")
                        .isEqualTo("0");
            }
            connection.setAutoCommit(false);
            try {
                setTenant(connection, "");
                for (String table : populated) {
                    assertThat(single(connection, "select count(*) from " + table)).as(table + " with an empty tenant")
                            .isEqualTo("0");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void withTenantASetTheApplicationRoleSeesOnlyTenantARows() throws SQLException {
        UUID acme = tenantId(ACME);
        try (Connection connection = applicationPool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                setTenant(connection, acme.toString());
                for (String table : owner.tenantTables()) {
                    assertThat(single(connection, "select count(*) from " + table + " where tenant_id <> '" + acme + "'"))
                            .as(table).isEqualTo("0");
                }
                assertThat(single(connection, "select count(*) from memberships")).isNotEqualTo("0");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void withTenantASetTheApplicationRoleCannotWriteARowForTenantB() throws SQLException {
        UUID acme = tenantId(ACME);
        UUID globex = tenantId(GLOBEX);
        try (Connection connection = applicationPool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                setTenant(connection, acme.toString());
                assertThatThrownBy(() -> execute(connection, "insert into tenant_secrets (tenant_id, name, ciphertext, key_id) "
                        + "values ('" + globex + "', 'planted', '\\x00', 'k')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("row-level security")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            } finally {
                connection.rollback();
            }
            try {
                setTenant(connection, acme.toString());
                execute(connection, "insert into config_overrides (tenant_id, key, value, version) "
                        + "values ('" + acme + "', 'rls.probe', '1', 1)");
                assertThatThrownBy(() -> execute(connection,
                        "update config_overrides set tenant_id = '" + globex + "' where key = 'rls.probe'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertThat(owner.jdbc().sql("select count(*) from tenant_secrets where name = 'planted'").query(Long.class).single())
                .isZero();
        assertThat(owner.jdbc().sql("select count(*) from config_overrides where key = 'rls.probe'").query(Long.class).single())
                .isZero();
    }

    private static boolean mentionsCurrentTenant(Object clause) {
        return clause != null && clause.toString().contains("tenant_id") && clause.toString().contains("app_current_tenant()");
    }

    private static void setTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
