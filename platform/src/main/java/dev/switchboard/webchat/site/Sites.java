package dev.switchboard.webchat.site;

import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.webchat.config.WebchatProperties;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tenants' web chat settings, read from their current definitions (so an edited tenant.yaml applies at once),
 * plus the operator's additions: extra origins per tenant and, for the demo page, the platform's own origin.
 */
@Component
public class Sites {

    private final Tenants tenants;
    private final WebchatProperties properties;
    private volatile List<String> ownOrigins = List.of();

    Sites(Tenants tenants, WebchatProperties properties) {
        this.tenants = tenants;
        this.properties = properties;
        if (properties.publicUrl() != null && !properties.publicUrl().isBlank()) {
            ownOrigins = List.of(origin(properties.publicUrl()));
        }
    }

    /** The tenant's web chat, or empty when the tenant is unknown or its web chat is not enabled. */
    public Optional<Site> find(String slug) {
        return tenants.find(slug).flatMap(this::site);
    }

    public Optional<Site> find(UUID tenantId) {
        return tenants.find(tenantId).flatMap(this::site);
    }

    private Optional<Site> site(TenantDefinition tenant) {
        var section = tenant.section("channels", "webchat");
        if (!section.path("enabled").asBoolean(false)) {
            return Optional.empty();
        }
        Set<String> origins = new LinkedHashSet<>();
        section.path("allowedOrigins").forEach(o -> origins.add(origin(o.stringValue(""))));
        properties.extraOriginsBySlug().getOrDefault(tenant.slug(), List.of()).forEach(o -> origins.add(origin(o)));
        if (properties.demoPage()) {
            origins.addAll(ownOrigins);
        }
        List<String> linkHosts = section.path("linkHosts").valueStream()
                .map(h -> h.stringValue("").toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        return Optional.of(new Site(tenant, Set.copyOf(origins), linkHosts));
    }

    /** Without a configured public URL, the platform's own origin is known once the server has its port. */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (ownOrigins.isEmpty()) {
            int port = event.getWebServer().getPort();
            ownOrigins = List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
        }
    }

    private static String origin(String url) {
        String trimmed = url.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        int path = trimmed.indexOf('/', trimmed.indexOf("://") + 3);
        return path < 0 ? trimmed : trimmed.substring(0, path);
    }
}
