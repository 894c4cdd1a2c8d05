package dev.switchboard.webchat.site;

import dev.switchboard.shared.NotFound;
import dev.switchboard.tenant.TenantConfiguration;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.webchat.config.WebchatProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** What the widget needs before the visitor opens it; public, and only for pages on the tenant's origins. */
@RestController
class WidgetConfigController {

    private final Sites sites;
    private final TenantConfiguration configuration;
    private final WebchatProperties properties;

    WidgetConfigController(Sites sites, TenantConfiguration configuration, WebchatProperties properties) {
        this.sites = sites;
        this.configuration = configuration;
        this.properties = properties;
    }

    record WidgetConfig(String tenant, String name, List<String> languages, JsonNode greeting, List<String> linkHosts,
                        int maxMessageChars, String socketPath, String sessionPath) {
    }

    @GetMapping("/webchat/{tenant}/config")
    ResponseEntity<WidgetConfig> config(@PathVariable String tenant) {
        Site site = sites.find(tenant).orElseThrow(() -> new NotFound("web chat"));
        TenantDefinition definition = site.tenant();
        JsonNode greeting = configuration.effective(definition.id()).get("agent.greeting");
        WidgetConfig body = new WidgetConfig(definition.slug(), definition.name(), definition.languages(),
                greeting.isObject() ? greeting : JsonNodeFactory.instance.objectNode(),
                site.linkHosts(), properties.maxMessageChars(), "/ws/webchat/" + definition.slug(),
                "/webchat/" + definition.slug() + "/session");
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).body(body);
    }
}
