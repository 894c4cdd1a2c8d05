package dev.switchboard.tenant.secrets;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
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
     * Sealed values as last read, reused for up to 2 s per node: a turn looked its tenant's model key up (usually
     * absent: the operator's key serves) once per message. Only the ciphertext is kept; this node's own writes drop
     * the copy at once, another node's show within the delay (as for configuration overrides).
     */
    private static final long FRESH_NANOS = java.time.Duration.ofSeconds(2).toNanos();

    private record Sealed(Optional<byte[]> ciphertext, long readAt, long writes) {
    }

    private record Key(UUID tenantId, String name) {
    }

    private final java.util.Map<Key, Sealed> cached = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

    JdbcTenantSecrets(JdbcClient jdbc, TransactionTemplate tx, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> reveal(UUID tenantId, String name) {
        Key key = new Key(tenantId, name);
        long writesBefore = writes.get();
        Sealed known = cached.get(key);
        if (known != null && known.writes() == writesBefore && System.nanoTime() - known.readAt() < FRESH_NANOS) {
            return known.ciphertext().map(bytes -> cipher.decrypt(tenantId, name, bytes));
        }
        Optional<byte[]> stored = TenantScope.within(tenantId, () -> tx.execute(s -> jdbc.sql(
                "select ciphertext from tenant_secrets where name = :name")
                .param("name", name).query(byte[].class).optional()));
        if (cached.size() > 10_000) {
            cached.clear();
        }
        cached.put(key, new Sealed(stored, System.nanoTime(), writesBefore));
        return stored.map(bytes -> cipher.decrypt(tenantId, name, bytes));
    }

    /** Runs a write and, once it is over, stops reusing what was read before it. */
    private <T> T write(UUID tenantId, String name, java.util.function.Supplier<T> work) {
        try {
            return TenantScope.within(tenantId, () -> tx.execute(s -> work.get()));
        } finally {
            writes.incrementAndGet();
            cached.remove(new Key(tenantId, name));
        }
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
