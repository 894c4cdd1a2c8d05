package dev.switchboard.tenant.secrets;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.cache.RecentReads;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcTenantSecrets implements TenantSecrets {

    private static final Logger log = LoggerFactory.getLogger(JdbcTenantSecrets.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecretCipher cipher;

    /**
     * Sealed values as last read, reused for up to 2 s per node ({@link RecentReads}): a turn looked its tenant's
     * model key up (usually absent: the operator's key serves) once per message. Only the ciphertext is kept.
     */
    private final RecentReads<Key, Optional<byte[]>> recent = new RecentReads<>(java.time.Duration.ofSeconds(2), 10_000);

    private record Key(UUID tenantId, String name) {
    }

    JdbcTenantSecrets(JdbcClient jdbc, TransactionTemplate tx, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> reveal(UUID tenantId, String name) {
        Optional<byte[]> stored = recent.get(new Key(tenantId, name), () -> TenantScope.within(tenantId,
                () -> tx.execute(s -> jdbc.sql("select ciphertext from tenant_secrets where name = :name")
                        .param("name", name).query(byte[].class).optional())));
        return stored.map(bytes -> cipher.decrypt(tenantId, name, bytes));
    }

    /** Runs a write; once it is over, what was read before it is no longer reused. */
    private <T> T write(UUID tenantId, String name, java.util.function.Supplier<T> work) {
        return recent.write(new Key(tenantId, name), () -> TenantScope.within(tenantId, () -> tx.execute(s -> work.get())));
    }

    @Override
    public void store(UUID tenantId, String name, String value, UUID actor) {
        byte[] sealed = cipher.encrypt(tenantId, name, value);
        write(tenantId, name, () -> jdbc.sql("""
                insert into tenant_secrets (tenant_id, name, ciphertext, key_id, updated_by)
                values (:tenant, :name, :ciphertext, :key, :actor)
                on conflict (tenant_id, name) do update set ciphertext = excluded.ciphertext, key_id = excluded.key_id,
                    updated_by = excluded.updated_by, updated_at = now()""")
                .param("tenant", tenantId).param("name", name).param("ciphertext", sealed)
                .param("key", cipher.keyId()).param("actor", actor).update());
        log.info("secret {} of tenant {} set", name, tenantId);
    }

    @Override
    public boolean delete(UUID tenantId, String name) {
        int rows = write(tenantId, name, () -> jdbc.sql(
                "delete from tenant_secrets where name = :name").param("name", name).update());
        return rows > 0;
    }

    @Override
    public List<SecretInfo> list(UUID tenantId) {
        return TenantScope.within(tenantId, () -> tx.execute(s -> jdbc.sql(
                "select name, updated_by, updated_at from tenant_secrets order by name")
                .query((rs, n) -> new SecretInfo(rs.getString("name"), rs.getObject("updated_by", UUID.class),
                        rs.getTimestamp("updated_at").toInstant())).list()));
    }
}
