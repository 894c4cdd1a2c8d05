package dev.switchboard.webchat.site;

import dev.switchboard.shared.NotFound;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.webchat.config.WebchatProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A page that stands in for the tenant's own website: it embeds the widget with the same one-line script tag a
 * tenant pastes into its site, so {@code ./switchboard run} leaves a newcomer something to talk to.
 */
@RestController
class DemoPageController {

    private final Sites sites;
    private final WebchatProperties properties;
    private final String template;

    DemoPageController(Sites sites, WebchatProperties properties) {
        this.sites = sites;
        this.properties = properties;
        try (InputStream in = DemoPageController.class.getResourceAsStream("/webchat/demo-page.html")) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/demo/{tenant}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String tenant, @RequestParam(required = false) String lang) {
        if (!properties.demoPage()) {
            throw new NotFound("demo page");
        }
        TenantDefinition definition = sites.find(tenant).orElseThrow(() -> new NotFound("web chat")).tenant();
        String language = lang != null && definition.languages().contains(lang) ? lang : definition.defaultLanguage();
        String html = template
                .replace("{{lang}}", language)
                .replace("{{name}}", HtmlUtils.htmlEscape(definition.name()))
                .replace("{{slug}}", definition.slug());
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html);
    }
}
