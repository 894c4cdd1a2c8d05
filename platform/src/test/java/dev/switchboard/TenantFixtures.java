package dev.switchboard;

import dev.switchboard.identity.users.Memberships;
import dev.switchboard.identity.users.Passwords;
import dev.switchboard.identity.users.User;
import dev.switchboard.identity.users.Users;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.tenant.TenantDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The people tests act as. Acme's demo users come from the demo seeder; Globex's owner and agent are created
 * here once, through the same services the application uses. Tests that end sessions or change passwords
 * must use a {@link #newUser} of their own, never these shared accounts.
 */
public final class TenantFixtures {

    public static final String ACME = "acme";
    public static final String GLOBEX = "globex";

    public static final String ACME_OWNER = "admin@acme.test";
    public static final String ACME_AGENT = "agent@acme.test";
    public static final String GLOBEX_OWNER = "owner@globex.test";
    public static final String GLOBEX_AGENT = "agent@globex.test";
    public static final String GLOBEX_PASSWORD = "Globex-pass-for-tests-3";

    private static final Duration REUSE_TOKENS_FOR = Duration.ofMinutes(5);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestApi api;
    private final Users users;
    private final Passwords passwords;
    private final Memberships memberships;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private volatile boolean globexReady;

    TenantFixtures(TestApi api, Users users, Passwords passwords, Memberships memberships) {
        this.api = api;
        this.users = users;
        this.passwords = passwords;
        this.memberships = memberships;
    }

    public static UUID tenantId(String slug) {
        return TenantDefinition.idFor(slug);
    }

    public static String passwordOf(String email) {
        return email.endsWith("@globex.test") ? GLOBEX_PASSWORD : TestPlatform.DEMO_PASSWORD;
    }

    /** An access token of one of the shared users, reused for a few minutes (it lives 15). */
    public String token(String email) {
        ensureGlobexUsers();
        return tokens.compute(email, (e, cached) -> cached != null && cached.at().plus(REUSE_TOKENS_FOR).isAfter(Instant.now())
                ? cached : new CachedToken(api.login(e, passwordOf(e)).accessToken(), Instant.now())).token();
    }

    /** A fresh sign-in of one of the shared users. */
    public TestApi.Session login(String email) {
        ensureGlobexUsers();
        return api.login(email, passwordOf(email));
    }

    public User user(String email) {
        ensureGlobexUsers();
        return users.findByEmail(email).orElseThrow(() -> new IllegalStateException("no user " + email));
    }

    /** A new person with a unique email, a member of {@code slug} with {@code role}. */
    public TestUser newUser(String slug, TenantRole role) {
        return newUser(Map.of(slug, role));
    }

    /** A new person who belongs to several tenants. */
    public TestUser newUser(Map<String, TenantRole> roles) {
        int n = SEQUENCE.incrementAndGet();
        String email = "user" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@people.test";
        String password = "Pw-" + UUID.randomUUID();
        User user = users.create(email, "Test User " + n, passwords.hash(password), false);
        roles.forEach((slug, role) -> memberships.grant(tenantId(slug), user.id(), role));
        return new TestUser(user.id(), email, password);
    }

    /** A person created by a test: sign in with {@link TestApi#login(String, String)}. */
    public record TestUser(UUID id, String email, String password) {
    }

    private void ensureGlobexUsers() {
        if (globexReady) {
            return;
        }
        synchronized (this) {
            if (!globexReady) {
                ensureMember(GLOBEX_OWNER, "Greta Globex", TenantRole.OWNER);
                ensureMember(GLOBEX_AGENT, "Gus Globex", TenantRole.AGENT);
                globexReady = true;
            }
        }
    }

    private void ensureMember(String email, String name, TenantRole role) {
        User user = users.findByEmail(email)
                .orElseGet(() -> users.create(email, name, passwords.hash(GLOBEX_PASSWORD), false));
        memberships.grant(tenantId(GLOBEX), user.id(), role);
    }

    private record CachedToken(String token, Instant at) {
    }
}
