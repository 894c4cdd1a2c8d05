package dev.switchboard.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled          seed the demo tenant's users (on by default; off in production)
 * @param tenant           the demo tenant's slug
 * @param password         SWITCHBOARD_DEMO_PASSWORD; generated once under SWITCHBOARD_HOME when empty
 * @param businessApiToken the token the demo business API expects; stored as the tenant's secret
 * @param publicUrl        the base URL printed in the banner
 */
@ConfigurationProperties("switchboard.demo")
record DemoProperties(Boolean enabled, String tenant, String password, String businessApiToken, String publicUrl) {

    DemoProperties {
        enabled = enabled == null || enabled;
        tenant = tenant == null || tenant.isBlank() ? "acme" : tenant;
    }
}
