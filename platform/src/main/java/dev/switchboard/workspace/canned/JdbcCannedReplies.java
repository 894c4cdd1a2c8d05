package dev.switchboard.workspace.canned;

import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.workspace.CannedReplies;
import dev.switchboard.workspace.CannedReply;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Canned replies of the current tenant scope. A shortcut is unique per tenant and case-insensitive. */
@Repository
class JdbcCannedReplies implements CannedReplies {

    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final String COLUMNS = "id, shortcut, title, body, updated_by, updated_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    JdbcCannedReplies(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public List<CannedReply> list() {
        return tx.execute(s -> jdbc.sql("select " + COLUMNS + " from canned_replies order by shortcut")
                .query(JdbcCannedReplies::map).list());
    }

    @Override
    public CannedReply create(CannedReply.Draft draft, UUID actor) {
        CannedReply.Draft valid = validate(draft);
        return uniquely(() -> tx.execute(s -> jdbc.sql("""
                insert into canned_replies (tenant_id, id, shortcut, title, body, created_by, updated_by)
                values (:tenant, :id, :shortcut, :title, :body, :actor, :actor) returning %s""".formatted(COLUMNS))
                .param("tenant", TenantScope.requireTenant()).param("id", UUID.randomUUID())
                .param("shortcut", valid.shortcut()).param("title", valid.title()).param("body", valid.body())
                .param("actor", actor).query(JdbcCannedReplies::map).single()));
    }

    @Override
    public CannedReply update(UUID id, CannedReply.Draft draft, UUID actor) {
        CannedReply.Draft valid = validate(draft);
        return uniquely(() -> tx.execute(s -> jdbc.sql("""
                update canned_replies set shortcut = :shortcut, title = :title, body = :body, updated_by = :actor,
                       updated_at = now() where id = :id returning %s""".formatted(COLUMNS))
                .param("id", id).param("shortcut", valid.shortcut()).param("title", valid.title())
                .param("body", valid.body()).param("actor", actor).query(JdbcCannedReplies::map).optional()
                .orElseThrow(() -> new NotFound("canned reply"))));
    }

    @Override
    public void delete(UUID id) {
        int rows = tx.execute(s -> jdbc.sql("delete from canned_replies where id = :id").param("id", id).update());
        if (rows == 0) {
            throw new NotFound("canned reply");
        }
    }

    /** The unique index decides between two admins saving the same shortcut at once; the loser is told which field. */
    private static CannedReply uniquely(java.util.function.Supplier<CannedReply> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw InvalidRequest.field("shortcut", "is already used by another canned reply");
        }
    }

    private static CannedReply.Draft validate(CannedReply.Draft draft) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        String shortcut = draft.shortcut() == null ? "" : draft.shortcut().strip().toLowerCase(Locale.ROOT);
        String title = draft.title() == null ? "" : draft.title().strip();
        String body = draft.body() == null ? "" : draft.body().strip();
        if (!SHORTCUT.matcher(shortcut).matches()) {
            errors.add(new InvalidRequest.FieldError("shortcut",
                    "1 to 32 lower-case letters, digits, - or _, starting with a letter or digit"));
        }
        if (title.isEmpty() || title.length() > 120) {
            errors.add(new InvalidRequest.FieldError("title", "must be 1 to 120 characters"));
        }
        if (body.isEmpty() || body.length() > 4000) {
            errors.add(new InvalidRequest.FieldError("body", "must be 1 to 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("invalid canned reply", errors);
        }
        return new CannedReply.Draft(shortcut, title, body);
    }

    private static CannedReply map(ResultSet rs, int n) throws SQLException {
        return new CannedReply(rs.getObject("id", UUID.class), rs.getString("shortcut"), rs.getString("title"),
                rs.getString("body"), rs.getObject("updated_by", UUID.class), rs.getTimestamp("updated_at").toInstant());
    }
}
