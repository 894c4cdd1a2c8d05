package dev.switchboard.identity.users;

import dev.switchboard.identity.Member;
import dev.switchboard.identity.Members;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.TenantScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Who belongs to which tenant with which role. Tenant rows: read and written inside the tenant's scope. */
@Repository
public class Memberships implements Members {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Memberships(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public Optional<TenantRole> roleOf(UUID tenantId, UUID userId) {
        // The tenant is named as well as scoped: inside a request the policy also shows the caller's own
        // memberships of other tenants (for GET /me), which must not count here.
        return TenantScope.within(tenantId, () -> tx.execute(s -> jdbc.sql(
                "select role from memberships where tenant_id = :tenant and user_id = :user")
                .param("tenant", tenantId).param("user", userId).query(String.class).optional().map(TenantRole::fromWire)));
    }

    public void grant(UUID tenantId, UUID userId, TenantRole role) {
        TenantScope.within(tenantId, () -> tx.execute(s -> jdbc.sql("""
                insert into memberships (tenant_id, user_id, role) values (:tenant, :user, :role)
                on conflict (tenant_id, user_id) do update set role = excluded.role""")
                .param("tenant", tenantId).param("user", userId).param("role", role.wireName()).update()));
    }

    /** The caller's own memberships across tenants: visible through the user clause of the RLS policy. */
    public List<TenantMembership> ofUser(UUID userId) {
        return TenantScope.callAsUser(userId, () -> tx.execute(s -> jdbc.sql(
                "select tenant_id, role from memberships where user_id = :user order by created_at")
                .param("user", userId)
                .query((rs, n) -> new TenantMembership(rs.getObject("tenant_id", UUID.class),
                        TenantRole.fromWire(rs.getString("role")))).list()));
    }

    @Override
    public List<Member> of(UUID tenantId) {
        return TenantScope.within(tenantId, () -> tx.execute(s -> jdbc.sql("""
                select u.id, u.email, u.display_name, m.role, u.disabled_at is not null as disabled
                  from memberships m join users u on u.id = m.user_id
                 where m.tenant_id = :tenant order by u.display_name""")
                .param("tenant", tenantId)
                .query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), TenantRole.fromWire(rs.getString("role")), rs.getBoolean("disabled")))
                .list()));
    }

    @Override
    public Optional<Member> find(UUID tenantId, UUID userId) {
        return of(tenantId).stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    public record TenantMembership(UUID tenantId, TenantRole role) {
    }
}
