package dev.switchboard.shared.db;

import dev.switchboard.shared.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Hands the current {@link TenantScope} to PostgreSQL at the start of each transaction with
 * {@code set_config(..., true)}, which lasts exactly as long as the transaction. Row-level security policies
 * read it back; with no tenant the setting is empty and tenant tables show no rows.
 */
public class TenantAwareTransactionManager extends JdbcTransactionManager {

    public TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        String tenant = TenantScope.currentTenant().map(UUID::toString).orElse("");
        String user = TenantScope.currentUser().map(UUID::toString).orElse("");
        try (PreparedStatement statement = con.prepareStatement(
                "select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)")) {
            statement.setString(1, tenant);
            statement.setString(2, user);
            statement.execute();
        }
    }
}
