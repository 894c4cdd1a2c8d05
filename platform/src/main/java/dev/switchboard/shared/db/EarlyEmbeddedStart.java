package dev.switchboard.shared.db;

import dev.switchboard.shared.SwitchboardHome;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the configuration is known, so the server
 * boots while Spring builds the rest of the context instead of before it. The database bean then only waits
 * for what is left. Registered in {@code META-INF/spring.factories}, so tests get it too.
 */
public class EarlyEmbeddedStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String START_ID = "switchboard.database.embedded.start-id";
    private static final Map<String, CompletableFuture<EmbeddedPostgresServer>> STARTS = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        Binder binder = Binder.get(environment);
        String url = binder.bind("switchboard.database.url", String.class).orElse("");
        if (!url.isBlank() || environment.containsProperty(START_ID)) {
            return;
        }
        boolean ephemeral = binder.bind("switchboard.database.embedded.ephemeral", Boolean.class).orElse(false);
        SwitchboardHome home = new SwitchboardHome(binder.bind("switchboard.home", Path.class).orElse(null));
        String id = UUID.randomUUID().toString();
        STARTS.put(id, CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(dataDirectory(home, ephemeral), ephemeral),
                runnable -> Thread.ofPlatform().name("embedded-postgres-start").daemon().start(runnable)));
        environment.getPropertySources().addFirst(new MapPropertySource("embedded-postgres-start", Map.of(START_ID, id)));
    }

    /** The server started for this context, or null when none was started early. */
    static CompletableFuture<EmbeddedPostgresServer> take(String id) {
        return id == null ? null : STARTS.remove(id);
    }

    /** Null for an ephemeral cluster: the embedded server makes (and removes) a temporary folder itself. */
    static Path dataDirectory(SwitchboardHome home, boolean ephemeral) {
        return ephemeral ? null : home.resolve("postgres");
    }
}
