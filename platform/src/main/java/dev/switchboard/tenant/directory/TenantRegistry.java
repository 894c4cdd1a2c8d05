package dev.switchboard.tenant.directory;

import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantDefinitionLoaded;
import dev.switchboard.tenant.TenantDefinitionRefused;
import dev.switchboard.tenant.TenantProblem;
import dev.switchboard.tenant.Tenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenants being served. The map is replaced whole on every change (copy on write), so a reader always sees
 * one consistent set; a refused reload leaves the previous definition in place and records its problems.
 */
@Service
class TenantRegistry implements Tenants {

    private static final Logger log = LoggerFactory.getLogger(TenantRegistry.class);
    private static final String SLUG = "[a-z0-9][a-z0-9-]{1,62}";

    private final TenantDirectoryReader reader;
    private final Path root;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private volatile Map<String, TenantDefinition> bySlug = Map.of();
    private volatile Map<UUID, TenantDefinition> byId = Map.of();
    private final Map<String, List<TenantProblem>> problems = new ConcurrentHashMap<>();

    TenantRegistry(TenantsProperties properties, JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.root = properties.directory();
        this.reader = new TenantDirectoryReader(properties);
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        loadAll();
    }

    Path root() {
        return root;
    }

    private void loadAll() {
        if (!Files.isDirectory(root)) {
            log.warn("tenant directory {} does not exist: no tenant is served", root);
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(s -> s.matches(SLUG))
                    .sorted().forEach(this::reload);
        } catch (IOException e) {
            log.error("cannot list tenant directory {}: {}", root, e.getMessage());
        }
        log.info("serving {} tenant(s) from {}: {}", bySlug.size(), root, bySlug.keySet());
    }

    /** Re-reads one tenant directory; an invalid one is refused and the previous version keeps serving. */
    synchronized void reload(String slug) {
        if (!slug.matches(SLUG)) {
            return;
        }
        if (!Files.isDirectory(root.resolve(slug))) {
            if (bySlug.containsKey(slug)) {
                log.warn("tenant directory {} was removed: tenant {} is no longer served", root.resolve(slug), slug);
                swap(slug, null);
            }
            return;
        }
        try {
            TenantDefinition definition = reader.read(slug);
            TenantDefinition previous = bySlug.get(slug);
            if (previous != null && previous.version().equals(definition.version())) {
                problems.remove(slug);
                return;
            }
            tx.executeWithoutResult(status -> {
                jdbc.sql("""
                        insert into tenants (id, slug, name) values (:id, :slug, :name)
                        on conflict (id) do update set name = excluded.name, updated_at = now()""")
                        .param("id", definition.id()).param("slug", slug).param("name", definition.name()).update();
                events.publishEvent(new TenantDefinitionLoaded(definition.id(), slug, definition.version()));
            });
            swap(slug, definition);
            problems.remove(slug);
            log.info("tenant {} loaded (version {}, {} tools)", slug, definition.version(), definition.tools().size());
        } catch (InvalidTenantDirectory e) {
            problems.put(slug, e.problems());
            boolean serving = bySlug.containsKey(slug);
            e.problems().forEach(p -> log.warn("tenant {} refused: {}{}", slug, p,
                    serving ? " (the previous version keeps serving)" : ""));
            tx.executeWithoutResult(status -> events.publishEvent(
                    new TenantDefinitionRefused(TenantDefinition.idFor(slug), slug, e.problems())));
        }
    }

    private void swap(String slug, TenantDefinition definition) {
        Map<String, TenantDefinition> slugs = new HashMap<>(bySlug);
        if (definition == null) {
            slugs.remove(slug);
        } else {
            slugs.put(slug, definition);
        }
        Map<UUID, TenantDefinition> ids = new HashMap<>();
        slugs.values().forEach(d -> ids.put(d.id(), d));
        bySlug = Map.copyOf(slugs);
        byId = Map.copyOf(ids);
    }

    @Override
    public Optional<TenantDefinition> find(String slug) {
        return Optional.ofNullable(slug == null ? null : bySlug.get(slug));
    }

    @Override
    public Optional<TenantDefinition> find(UUID tenantId) {
        return Optional.ofNullable(tenantId == null ? null : byId.get(tenantId));
    }

    @Override
    public List<TenantDefinition> all() {
        return bySlug.values().stream().sorted(Comparator.comparing(TenantDefinition::slug)).toList();
    }

    @Override
    public List<TenantProblem> problems(String slug) {
        return problems.getOrDefault(slug, List.of());
    }

    @Override
    public List<TenantProblem> problems() {
        return problems.values().stream().flatMap(List::stream).toList();
    }
}
