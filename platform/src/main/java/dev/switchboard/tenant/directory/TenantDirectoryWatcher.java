package dev.switchboard.tenant.directory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches the tenants folder and reloads a tenant shortly after its files stop changing. Editors save in
 * bursts (temp file, rename, chmod), so changes are debounced per tenant before one reload.
 */
@Component
class TenantDirectoryWatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectoryWatcher.class);
    private static final long DEBOUNCE_MS = 300;

    private final TenantRegistry registry;
    private final TenantsProperties properties;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService debouncer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tenant-reload").daemon().factory());
    private WatchService watcher;

    TenantDirectoryWatcher(TenantRegistry registry, TenantsProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.watch() || !Files.isDirectory(registry.root())) {
            return;
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            registerTree(registry.root());
            Thread.ofVirtual().name("tenant-watcher").start(this::loop);
            log.info("watching {} for tenant changes", registry.root());
        } catch (IOException e) {
            log.warn("cannot watch {}: tenant changes need a restart ({})", registry.root(), e.getMessage());
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        registry.all().forEach(t -> schedule(t.slug()));
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        registerTree(changed);
                    }
                    slugOf(changed).ifPresent(this::schedule);
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("tenant watcher stopped: {}", e.getMessage());
        }
    }

    private java.util.Optional<String> slugOf(Path changed) {
        Path relative = registry.root().relativize(changed);
        return relative.getNameCount() == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(relative.getName(0).toString());
    }

    private void schedule(String slug) {
        pending.compute(slug, (s, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return debouncer.schedule(() -> {
                pending.remove(s);
                registry.reload(s);
            }, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        });
    }

    /**
     * Watches {@code start} and the folders below it (three levels). A folder may vanish while it is walked
     * (editors' and deploy tools' scratch folders): what is gone is skipped, so the watcher itself never stops.
     */
    private void registerTree(Path start) throws IOException {
        Files.walkFileTree(start, Set.of(), 3, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                register(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isDirectory()) {
                    register(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void register(Path dir) {
        try {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            log.debug("not watching {}: {}", dir, e.getMessage());
        }
    }

    @Override
    public void destroy() throws IOException {
        debouncer.shutdownNow();
        if (watcher != null) {
            watcher.close();
        }
    }
}
