package dev.switchboard.voice.twilio;

import dev.switchboard.shared.SwitchboardHome;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the demo tenant a Twilio auth token so that local callers ({@code ./switchboard call}, the voice
 * benchmark) can sign webhooks as Twilio would: {@code SWITCHBOARD_DEMO_TWILIO_AUTH_TOKEN}, else a token generated
 * once into {@code SWITCHBOARD_HOME/demo-twilio-auth-token}. A token the tenant already stored is left alone
 * unless the variable is set.
 */
@Component
class DemoAuthToken {

    static final String FILE = "demo-twilio-auth-token";
    private static final Logger log = LoggerFactory.getLogger(DemoAuthToken.class);

    private final Tenants tenants;
    private final TenantSecrets secrets;
    private final SwitchboardHome home;
    private final boolean enabled;
    private final String slug;
    private final String configured;

    DemoAuthToken(Tenants tenants, TenantSecrets secrets, SwitchboardHome home,
                  @Value("${switchboard.demo.enabled:true}") boolean enabled,
                  @Value("${switchboard.demo.tenant:acme}") String slug,
                  @Value("${SWITCHBOARD_DEMO_TWILIO_AUTH_TOKEN:}") String configured) {
        this.tenants = tenants;
        this.secrets = secrets;
        this.home = home;
        this.enabled = enabled;
        this.slug = slug;
        this.configured = configured;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        var tenant = tenants.find(slug);
        if (!enabled || tenant.isEmpty()) {
            return;
        }
        var id = tenant.get().id();
        TenantScope.run(id, () -> {
            boolean present = secrets.list(id).stream().anyMatch(s -> s.name().equals(TwilioAccounts.AUTH_TOKEN));
            if (!configured.isBlank()) {
                secrets.store(id, TwilioAccounts.AUTH_TOKEN, configured, null);
                log.info("demo tenant {}: Twilio auth token from SWITCHBOARD_DEMO_TWILIO_AUTH_TOKEN", slug);
            } else if (!present) {
                String token = home.readOrCreatePrivate(FILE, DemoAuthToken::generate);
                secrets.store(id, TwilioAccounts.AUTH_TOKEN, token, null);
                log.info("demo tenant {}: Twilio auth token from {}", slug, home.resolve(FILE));
            }
        });
    }

    private static String generate() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
