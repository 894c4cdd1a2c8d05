package dev.switchboard.demo;

import dev.switchboard.shared.ProviderStatus;
import dev.switchboard.tenant.TenantProblem;
import dev.switchboard.tenant.Tenants;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What a newcomer reads after {@code ./switchboard run}: where to go, how to sign in, what is simulated. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final DemoSeeder seeder;
    private final DemoProperties properties;
    private final Tenants tenants;
    private final List<ProviderStatus> statuses;

    StartupBanner(DemoSeeder seeder, DemoProperties properties, Tenants tenants, List<ProviderStatus> statuses) {
        this.seeder = seeder;
        this.properties = properties;
        this.tenants = tenants;
        this.statuses = statuses;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        Optional<String> password = seeder.seed();
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        String base = properties.publicUrl() != null && !properties.publicUrl().isBlank()
                ? properties.publicUrl().replaceAll("/+$", "") : "http://localhost:" + port;
        StringBuilder out = new StringBuilder("\n");
        out.append("=====================================================================\n");
        out.append(" Switchboard is up (").append(ManagementFactory.getRuntimeMXBean().getUptime()).append(" ms)\n");
        out.append("   Dashboard     ").append(base).append("/app/\n");
        out.append("   Web chat demo ").append(base).append("/demo/").append(properties.tenant()).append('\n');
        out.append("   API docs      ").append(base).append("/api/docs\n");
        out.append("   Health        ").append(base).append("/actuator/health\n");
        out.append("   Tenants       ").append(tenants.all().stream().map(t -> t.slug()).toList()).append('\n');
        password.ifPresent(p -> {
            out.append(" Demo logins (password: ").append(p).append(")\n");
            DemoSeeder.USERS.forEach(u -> out.append("   ").append(u.email()).append("  ")
                    .append(u.role().wireName()).append('\n'));
        });
        List<ProviderStatus.Mode> modes = statuses.stream().flatMap(s -> s.modes().stream()).toList();
        if (!modes.isEmpty()) {
            out.append(" Providers\n");
            modes.forEach(m -> out.append("   ").append(m.live() ? "live     " : "OFFLINE  ")
                    .append(m.component()).append(": ").append(m.detail()).append('\n'));
        }
        List<TenantProblem> problems = tenants.problems();
        if (!problems.isEmpty()) {
            out.append(" Tenant problems\n");
            problems.forEach(p -> out.append("   ").append(p).append('\n'));
        }
        out.append("=====================================================================");
        log.info(out.toString());
    }
}
