package dev.switchboard.whatsapp.account;

import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.whatsapp.WhatsAppNotConfigured;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Resolves tenants' WhatsApp accounts. Secrets are read from the encrypted store at most every few seconds per
 * tenant: webhooks arrive by the thousand per second and each would otherwise cost a database round trip.
 */
@Service
public class WhatsAppAccounts {

    private static final Duration SECRETS_TTL = Duration.ofSeconds(30);
    /** Missing secrets are looked up again sooner: an operator who just set them expects them to work. */
    private static final Duration MISSING_SECRETS_TTL = Duration.ofSeconds(3);
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(5);

    private final Tenants tenants;
    private final TenantSecrets secrets;
    private final WhatsAppProperties properties;
    private final Map<UUID, Secrets> cache = new ConcurrentHashMap<>();

    WhatsAppAccounts(Tenants tenants, TenantSecrets secrets, WhatsAppProperties properties) {
        this.tenants = tenants;
        this.secrets = secrets;
        this.properties = properties;
    }

    public Optional<WhatsAppAccount> find(String slug) {
        return tenants.find(slug).flatMap(this::account);
    }

    public Optional<WhatsAppAccount> find(UUID tenantId) {
        return tenants.find(tenantId).flatMap(this::account);
    }

    /** The tenant's account, ready to send; fails with {@link WhatsAppNotConfigured} naming what is missing. */
    public WhatsAppAccount require(UUID tenantId) {
        TenantDefinition tenant = tenants.find(tenantId).orElseThrow(() -> new WhatsAppNotConfigured(
                String.valueOf(tenantId), "unknown tenant"));
        WhatsAppAccount account = account(tenant).orElseThrow(() -> new WhatsAppNotConfigured(tenant.slug(),
                "channels.whatsapp is missing or disabled in tenant.yaml"));
        if (!account.connected()) {
            throw new WhatsAppNotConfigured(tenant.slug(), String.join(", ", account.missing()));
        }
        return account;
    }

    /** Every tenant whose directory declares an enabled WhatsApp number (connected or not). */
    public List<WhatsAppAccount> declared() {
        return tenants.all().stream().map(this::account).flatMap(Optional::stream).toList();
    }

    /**
     * Reads the secrets again now, unless that was done moments ago: lets a rotated app secret take effect at the
     * first webhook signed with it, without letting forged requests turn into a database load.
     */
    public Optional<WhatsAppAccount> reloadSecrets(UUID tenantId) {
        Secrets cached = cache.get(tenantId);
        if (cached == null || cached.olderThan(MIN_RELOAD_INTERVAL)) {
            cache.remove(tenantId);
        }
        return find(tenantId);
    }

    /** Drops the cached secrets of a tenant, so the next use reads them again (after they were changed). */
    public void forgetSecrets(UUID tenantId) {
        cache.remove(tenantId);
    }

    private Optional<WhatsAppAccount> account(TenantDefinition tenant) {
        JsonNode section = tenant.section("channels", "whatsapp");
        if (!section.isObject() || !section.path("enabled").asBoolean(true)) {
            return Optional.empty();
        }
        // Looked up on every webhook and send: a plain read first, so concurrent requests of one tenant do not queue
        // on the map's lock for a value that is already there.
        Secrets known = cache.get(tenant.id());
        Secrets secret = known != null && !known.stale() ? known
                : cache.compute(tenant.id(), (id, old) -> old == null || old.stale() ? load(id) : old);
        String baseUrl = section.path("baseUrl").asString(null);
        return Optional.of(new WhatsAppAccount(tenant.id(), tenant.slug(), true,
                blankToNull(section.path("phoneNumberId").asString(null)),
                blankToNull(section.path("businessAccountId").asString(null)),
                section.path("graphApiVersion").asString(properties.graphVersion()),
                baseUrl == null ? properties.graphUrl() : URI.create(baseUrl),
                section.path("messagesPerSecond").asInt(80), tenant.defaultLanguage(),
                secret.accessToken(), secret.appSecret(), secret.verifyToken()));
    }

    private Secrets load(UUID tenantId) {
        return new Secrets(secrets.reveal(tenantId, WhatsAppAccount.ACCESS_TOKEN).orElse(null),
                secrets.reveal(tenantId, WhatsAppAccount.APP_SECRET).orElse(null),
                secrets.reveal(tenantId, WhatsAppAccount.VERIFY_TOKEN).orElse(null), System.nanoTime());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record Secrets(String accessToken, String appSecret, String verifyToken, long loadedAt) {
        boolean stale() {
            return olderThan(accessToken == null || appSecret == null ? MISSING_SECRETS_TTL : SECRETS_TTL);
        }

        boolean olderThan(Duration age) {
            return System.nanoTime() - loadedAt > age.toNanos();
        }
    }
}
