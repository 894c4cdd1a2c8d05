package dev.switchboard.tenant.config;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.ConfigChange;
import dev.switchboard.tenant.ConfigKey;
import dev.switchboard.tenant.ConfigValue;
import dev.switchboard.tenant.EffectiveConfiguration;
import dev.switchboard.tenant.TenantConfiguration;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.tenant.cache.RecentReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores dashboard edits as versioned overrides. Versions are numbered per tenant under a transaction-scoped
 * advisory lock, so two admins saving at once get consecutive versions and a complete history.
 */
@Service
class ConfigOverrides implements TenantConfiguration {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** A tenant's overrides, reused for up to 2 s per node (see {@link RecentReads}). */
    private final RecentReads<UUID, Map<String, StoredOverride>> recent = new RecentReads<>(java.time.Duration.ofSeconds(2), 100_000);
    private final Tenants tenants;
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    ConfigOverrides(Tenants tenants, List<ConfigKey> keys, JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
        this.tenants = tenants;
        keys.stream().sorted(Comparator.comparing(ConfigKey::name)).forEach(k -> this.keys.put(k.name(), k));
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.copyOf(keys.values());
    }

    @Override
    public EffectiveConfiguration effective(UUID tenantId) {
        TenantDefinition tenant = tenants.find(tenantId).orElseThrow(() -> new NotFound("tenant"));
        Map<String, StoredOverride> overrides = overrides(tenantId);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (ConfigKey key : keys.values()) {
            JsonNode directory = key.directoryDefault().apply(tenant);
            StoredOverride o = overrides.get(key.name());
            values.put(key.name(), o == null
                    ? new ConfigValue(key.name(), directory, ConfigValue.Source.DIRECTORY, directory, null, null, null)
                    : new ConfigValue(key.name(), o.value(), ConfigValue.Source.OVERRIDE, directory, o.version(),
                    o.updatedBy(), o.updatedAt().toInstant()));
        }
        return new EffectiveConfiguration(tenantId, Map.copyOf(values));
    }

    private Map<String, StoredOverride> overrides(UUID tenantId) {
        return recent.get(tenantId, () -> TenantScope.within(tenantId, () -> tx.execute(s -> jdbc.sql(
                "select key, value::text as value, version, updated_by, updated_at from config_overrides")
                .query(this::override).list())).stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(StoredOverride::key, o -> o)));
    }

    /** Runs an edit; once it is over, what was read before it is no longer reused. */
    private <T> T edit(UUID tenantId, java.util.function.Supplier<T> work) {
        return recent.write(tenantId, () -> TenantScope.within(tenantId, () -> tx.execute(status -> work.get())));
    }

    @Override
    public List<ConfigChange> change(UUID tenantId, Map<String, JsonNode> changes, UUID actor) {
        tenants.find(tenantId).orElseThrow(() -> new NotFound("tenant"));
        validate(changes);
        return edit(tenantId, () -> {
            long version = lockAndNextVersion(tenantId);
            List<ConfigChange> applied = new ArrayList<>();
            for (Map.Entry<String, JsonNode> change : changes.entrySet()) {
                applied.add(apply(tenantId, version++, change.getKey(), change.getValue(), actor, null));
            }
            return applied;
        });
    }

    @Override
    public ConfigChange revert(UUID tenantId, long version, UUID actor) {
        tenants.find(tenantId).orElseThrow(() -> new NotFound("tenant"));
        return edit(tenantId, () -> {
            ConfigChange target = jdbc.sql("""
                    select version, key, old_value::text as old_value, new_value::text as new_value, changed_by,
                           changed_at, reverted_version from config_override_history where version = :v""")
                    .param("v", version).query(this::change).optional().orElseThrow(() -> new NotFound("config version"));
            long next = lockAndNextVersion(tenantId);
            JsonNode restored = target.oldValue();
            if (restored != null && keys.containsKey(target.key())) {
                validate(Map.of(target.key(), restored));
            }
            return apply(tenantId, next, target.key(), restored, actor, version);
        });
    }

    @Override
    public List<ConfigChange> history(UUID tenantId, String key, int limit, Long beforeVersion) {
        return TenantScope.within(tenantId, () -> tx.execute(status -> jdbc.sql("""
                select version, key, old_value::text as old_value, new_value::text as new_value, changed_by,
                       changed_at, reverted_version from config_override_history
                 where (cast(:key as text) is null or key = :key) and (cast(:before as bigint) is null or version < :before)
                 order by version desc limit :limit""")
                .param("key", key).param("before", beforeVersion).param("limit", Math.clamp(limit, 1, 200))
                .query(this::change).list()));
    }

    private ConfigChange apply(UUID tenantId, long version, String key, JsonNode value, UUID actor, Long reverted) {
        Optional<String> old = jdbc.sql("select value::text from config_overrides where key = :key")
                .param("key", key).query(String.class).optional();
        if (value == null || value.isNull()) {
            jdbc.sql("delete from config_overrides where key = :key").param("key", key).update();
            value = null;
        } else {
            jdbc.sql("""
                    insert into config_overrides (tenant_id, key, value, version, updated_by)
                    values (:tenant, :key, cast(:value as jsonb), :version, :actor)
                    on conflict (tenant_id, key) do update set value = excluded.value, version = excluded.version,
                        updated_by = excluded.updated_by, updated_at = now()""")
                    .param("tenant", tenantId).param("key", key).param("value", json.writeValueAsString(value))
                    .param("version", version).param("actor", actor).update();
        }
        jdbc.sql("""
                insert into config_override_history (tenant_id, version, key, old_value, new_value, changed_by, reverted_version)
                values (:tenant, :version, :key, cast(:old as jsonb), cast(:new as jsonb), :actor, :reverted)""")
                .param("tenant", tenantId).param("version", version).param("key", key).param("old", old.orElse(null))
                .param("new", value == null ? null : json.writeValueAsString(value)).param("actor", actor)
                .param("reverted", reverted).update();
        return new ConfigChange(version, key, old.map(json::readTree).orElse(null), value, actor,
                java.time.Instant.now(), reverted);
    }

    private long lockAndNextVersion(UUID tenantId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:t, 7))").param("t", tenantId.toString())
                .query((rs, n) -> 1).single();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from config_override_history")
                .query(Long.class).single();
    }

    private void validate(Map<String, JsonNode> changes) {
        if (changes.isEmpty()) {
            throw new InvalidRequest("no settings to change");
        }
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        changes.forEach((name, value) -> {
            ConfigKey key = keys.get(name);
            if (key == null) {
                errors.add(new InvalidRequest.FieldError(name, "not a configurable setting"));
            } else if (value != null && !value.isNull()) {
                schemaOf(key).validate(value).forEach(e -> errors.add(new InvalidRequest.FieldError(name,
                        e.getMessage().replaceFirst("^\\$[^:]*: ", ""))));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequest("invalid settings", errors);
        }
    }

    private Schema schemaOf(ConfigKey key) {
        return compiled.computeIfAbsent(key.name(), n -> SCHEMAS.getSchema(key.schema(), InputFormat.JSON));
    }

    private record StoredOverride(String key, JsonNode value, long version, UUID updatedBy, Timestamp updatedAt) {
    }

    private StoredOverride override(ResultSet rs, int n) throws SQLException {
        return new StoredOverride(rs.getString("key"), json.readTree(rs.getString("value")), rs.getLong("version"),
                rs.getObject("updated_by", UUID.class), rs.getTimestamp("updated_at"));
    }

    private ConfigChange change(ResultSet rs, int n) throws SQLException {
        String oldValue = rs.getString("old_value");
        String newValue = rs.getString("new_value");
        long reverted = rs.getLong("reverted_version");
        boolean notReverting = rs.wasNull();
        return new ConfigChange(rs.getLong("version"), rs.getString("key"),
                oldValue == null ? null : json.readTree(oldValue), newValue == null ? null : json.readTree(newValue),
                rs.getObject("changed_by", UUID.class), rs.getTimestamp("changed_at").toInstant(),
                notReverting ? null : reverted);
    }
}
