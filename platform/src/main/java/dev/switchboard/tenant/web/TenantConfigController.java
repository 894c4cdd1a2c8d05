package dev.switchboard.tenant.web;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.ConfigChange;
import dev.switchboard.tenant.ConfigKey;
import dev.switchboard.tenant.ConfigValue;
import dev.switchboard.tenant.TenantConfiguration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Screen 04's API: effective settings with their source, edits as versioned overrides, history and revert. */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/config")
class TenantConfigController {

    private final TenantConfiguration configuration;

    TenantConfigController(TenantConfiguration configuration) {
        this.configuration = configuration;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('tenant:agent')")
    ConfigView show() {
        UUID tenant = TenantScope.requireTenant();
        Map<String, ConfigKey> keys = new HashMap<>();
        configuration.keys().forEach(k -> keys.put(k.name(), k));
        List<SettingView> settings = configuration.effective(tenant).values().values().stream()
                .sorted(java.util.Comparator.comparing(ConfigValue::key))
                .map(v -> new SettingView(v.key(), keys.get(v.key()).description(), v.value(),
                        v.source().name().toLowerCase(java.util.Locale.ROOT), v.directoryValue(), v.version(),
                        v.changedBy(), v.changedAt()))
                .toList();
        return new ConfigView(settings);
    }

    /** Body: {@code {"agent.temperature": 0.5, "agent.greeting": {"en": "Hi"}}}; all applied or none. */
    @PatchMapping
    @PreAuthorize("hasAuthority('tenant:admin')")
    ConfigView change(@RequestBody ObjectNode body) {
        Map<String, JsonNode> changes = new java.util.LinkedHashMap<>();
        body.properties().forEach(e -> changes.put(e.getKey(), e.getValue()));
        configuration.change(TenantScope.requireTenant(), changes, TenantScope.currentUser().orElse(null));
        return show();
    }

    /** Removes the override: the directory's value applies again. */
    @DeleteMapping("/{key}")
    @PreAuthorize("hasAuthority('tenant:admin')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@PathVariable String key) {
        Map<String, JsonNode> change = new HashMap<>();
        change.put(key, null);
        configuration.change(TenantScope.requireTenant(), change, TenantScope.currentUser().orElse(null));
    }

    @GetMapping("/history")
    @PreAuthorize("hasAuthority('tenant:agent')")
    List<ConfigChange> history(@RequestParam(required = false) String key,
                               @RequestParam(defaultValue = "50") int limit,
                               @RequestParam(required = false) Long before) {
        return configuration.history(TenantScope.requireTenant(), key, limit, before);
    }

    @PostMapping("/history/{version}/revert")
    @PreAuthorize("hasAuthority('tenant:admin')")
    ConfigChange revert(@PathVariable long version) {
        return configuration.revert(TenantScope.requireTenant(), version, TenantScope.currentUser().orElse(null));
    }

    record ConfigView(List<SettingView> settings) {
    }

    record SettingView(String key, String description, JsonNode value, String source, JsonNode directoryValue,
                       Long version, UUID changedBy, java.time.Instant changedAt) {
    }
}
