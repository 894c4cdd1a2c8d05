package dev.switchboard.tenant.directory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param directory               the folder holding one sub-folder per tenant
 * @param watch                   reload a tenant when its files change (on by default; tests may turn it off)
 * @param endpoints               operator overrides of tenant endpoint URLs: slug -> endpoint name -> URL
 *                                (also read from SWITCHBOARD_ENDPOINT_&lt;SLUG&gt;_&lt;NAME&gt; variables)
 * @param privateEndpoints        "slug.endpoint" entries the operator allows to resolve to private or
 *                                loopback addresses (SWITCHBOARD_PRIVATE_ENDPOINTS, comma separated)
 */
@ConfigurationProperties("switchboard.tenants")
public record TenantsProperties(Path directory, Boolean watch, Map<String, Map<String, String>> endpoints,
                                List<String> privateEndpoints) {

    public TenantsProperties {
        directory = (directory == null ? Path.of("tenants") : directory).toAbsolutePath().normalize();
        watch = watch == null || watch;
        endpoints = endpoints == null ? Map.of() : endpoints;
        privateEndpoints = privateEndpoints == null ? List.of()
                : privateEndpoints.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The URL to use for a tenant endpoint: an operator override if any, else the directory's value. */
    String endpointUrl(String slug, String name, String declared) {
        String variable = "SWITCHBOARD_ENDPOINT_" + (slug + "_" + name).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        return endpoints.getOrDefault(slug, Map.of()).getOrDefault(name, declared);
    }

    boolean privateAllowed(String slug, String name) {
        return privateEndpoints.contains(slug + "." + name);
    }
}
