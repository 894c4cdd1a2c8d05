package dev.switchboard.identity.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users are platform-level rows (one person may belong to several tenants), so no tenant scope is needed to
 * read them; what a user may see of a tenant is decided by memberships, which are tenant rows.
 */
@Repository
public class Users {

    private static final String COLUMNS = "id, email, display_name, password_hash, platform_operator, disabled_at, session_epoch";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email = :email")
                .param("email", normalizeEmail(email)).query(Users::map).optional();
    }

    public Optional<User> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id).query(Users::map).optional();
    }

    public User create(String email, String displayName, String passwordHash, boolean operator) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into users (id, email, display_name, password_hash, platform_operator)
                values (:id, :email, :name, :hash, :operator)""")
                .param("id", id).param("email", normalizeEmail(email)).param("name", displayName)
                .param("hash", passwordHash).param("operator", operator).update();
        return find(id).orElseThrow();
    }

    /** Stores a new hash and ends every session: access tokens of the old epoch stop verifying. */
    public void changePassword(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = :hash, session_epoch = session_epoch + 1 where id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    public void setDisabled(UUID id, boolean disabled) {
        jdbc.sql("""
                update users set disabled_at = case when :disabled then now() else null end,
                                 session_epoch = session_epoch + 1 where id = :id""")
                .param("disabled", disabled).param("id", id).update();
    }

    /** Only the fields an access-token check needs, in one indexed read. */
    public Optional<User> findForSession(UUID id) {
        return find(id);
    }

    private static User map(ResultSet rs, int n) throws SQLException {
        var disabled = rs.getTimestamp("disabled_at");
        return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("platform_operator"),
                disabled == null ? null : disabled.toInstant(), rs.getInt("session_epoch"));
    }
}
