package dev.switchboard.demo;

import dev.switchboard.identity.users.Memberships;
import dev.switchboard.identity.users.Passwords;
import dev.switchboard.identity.users.Users;
import dev.switchboard.shared.SwitchboardHome;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.workspace.CannedReplies;
import dev.switchboard.workspace.CannedReply;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo users once (and the business API token secret), never overwriting a changed password, and
 * gives the demo tenant a few canned replies while it has none.
 */
@Component
class DemoSeeder {

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin@acme.test", "Ana Admin", TenantRole.OWNER),
            new DemoUser("agent@acme.test", "Diego Agent", TenantRole.AGENT),
            new DemoUser("agent2@acme.test", "Emma Agent", TenantRole.AGENT));

    static final List<CannedReply.Draft> CANNED_REPLIES = List.of(
            new CannedReply.Draft("hola", "Saludo (es)",
                    "¡Hola {{contact.name}}! Soy {{agent.name}}, del equipo de {{tenant.name}}. Ya estoy con tu caso."),
            new CannedReply.Draft("hello", "Greeting (en)",
                    "Hi {{contact.name}}! I'm {{agent.name}} from {{tenant.name}}. I'm looking into this for you now."),
            new CannedReply.Draft("technician", "Technician on the way (en)",
                    "Your technician is on the way. You'll get a message as soon as they are 15 minutes out."),
            new CannedReply.Draft("gracias", "Despedida (es)",
                    "Gracias por escribirnos, {{contact.name}}. Si necesitas algo más, aquí estamos."));

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DemoProperties properties;
    private final Tenants tenants;
    private final Users users;
    private final Memberships memberships;
    private final Passwords passwords;
    private final TenantSecrets secrets;
    private final SwitchboardHome home;
    private final TransactionTemplate tx;
    private final CannedReplies cannedReplies;

    DemoSeeder(DemoProperties properties, Tenants tenants, Users users, Memberships memberships, Passwords passwords,
               TenantSecrets secrets, SwitchboardHome home, TransactionTemplate tx, CannedReplies cannedReplies) {
        this.properties = properties;
        this.tenants = tenants;
        this.users = users;
        this.memberships = memberships;
        this.passwords = passwords;
        this.secrets = secrets;
        this.home = home;
        this.tx = tx;
        this.cannedReplies = cannedReplies;
    }

    /** Seeds and returns the demo password, or empty when the demo is off or its tenant is not loaded. */
    Optional<String> seed() {
        Optional<TenantDefinition> tenant = tenants.find(properties.tenant());
        if (!properties.enabled() || tenant.isEmpty()) {
            return Optional.empty();
        }
        String password = properties.password() != null && !properties.password().isBlank()
                ? properties.password() : home.readOrCreatePrivate("demo-password", DemoSeeder::generate);
        for (DemoUser demo : USERS) {
            var user = users.findByEmail(demo.email()).orElseGet(() -> tx.execute(s ->
                    users.create(demo.email(), demo.name(), passwords.hash(password), false)));
            if (memberships.roleOf(tenant.get().id(), user.id()).isEmpty()) {
                memberships.grant(tenant.get().id(), user.id(), demo.role());
            }
        }
        if (properties.businessApiToken() != null && !properties.businessApiToken().isBlank()) {
            secrets.store(tenant.get().id(), "business_api_token", properties.businessApiToken(), null);
        }
        TenantScope.within(tenant.get().id(), () -> {
            if (cannedReplies.list().isEmpty()) {
                CANNED_REPLIES.forEach(draft -> cannedReplies.create(draft, null));
            }
            return null;
        });
        log.info("demo tenant {} seeded with {} users", properties.tenant(), USERS.size());
        return Optional.of(password);
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    record DemoUser(String email, String name, TenantRole role) {
    }
}
