package dev.switchboard.webchat.visitor;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contact;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.shared.TooManyRequests;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.webchat.config.WebchatProperties;
import dev.switchboard.webchat.limits.KeyedBuckets;
import dev.switchboard.webchat.site.Sites;
import io.github.bucket4j.Bandwidth;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues visitor tokens to pages on the tenant's allowed origins (checked before this runs). A visitor with a
 * valid anonymous token keeps their id (the token is renewed); a page that vouches for its signed-in user gets
 * a token for that user, whose contact is marked as that verified customer.
 */
@RestController
class SessionController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sites sites;
    private final VisitorTokens tokens;
    private final IdentitySignature identity;
    private final Contacts contacts;
    private final KeyedBuckets<String> perAddress;

    SessionController(Sites sites, VisitorTokens tokens, IdentitySignature identity, Contacts contacts,
                      WebchatProperties properties) {
        this.sites = sites;
        this.tokens = tokens;
        this.identity = identity;
        this.contacts = contacts;
        int perMinute = properties.sessionsPerMinute();
        this.perAddress = new KeyedBuckets<>(a -> Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build(), Duration.ofMinutes(2));
    }

    /**
     * @param token    the visitor's current token, to keep their id
     * @param userId   the site's own id of its signed-in user
     * @param userHash hex HMAC-SHA256 of userId with the tenant's identity secret
     * @param userName the name the site knows the user by
     */
    record SessionRequest(String token, String userId, String userHash, String userName) {
    }

    record SessionResponse(String token, String visitorId, boolean verified, Instant expiresAt) {
    }

    @PostMapping("/webchat/{tenant}/session")
    SessionResponse session(@PathVariable String tenant, @RequestBody(required = false) SessionRequest body,
                            HttpServletRequest request) {
        TenantDefinition definition = sites.find(tenant).orElseThrow(() -> new NotFound("web chat")).tenant();
        Duration wait = perAddress.tryTake(tenant + "|" + request.getRemoteAddr());
        if (!wait.isZero()) {
            throw new TooManyRequests("too many new chat sessions from this address", wait);
        }
        SessionRequest asked = body == null ? new SessionRequest(null, null, null, null) : body;
        Visitor visitor = asked.userId() != null ? verifiedVisitor(definition, asked)
                : renewable(definition, asked.token()).orElseGet(() -> anonymous(definition));
        VisitorTokens.Issued issued = tokens.issue(visitor);
        return new SessionResponse(issued.token(), visitor.id(), visitor.verified(), issued.expiresAt());
    }

    private Visitor verifiedVisitor(TenantDefinition tenant, SessionRequest asked) {
        identity.check(tenant, asked.userId(), asked.userHash());
        Visitor visitor = new Visitor(tenant.id(), Visitor.VERIFIED_PREFIX + asked.userId(), true);
        String name = asked.userName() == null || asked.userName().isBlank() ? null
                : asked.userName().strip().substring(0, Math.min(120, asked.userName().strip().length()));
        TenantScope.run(tenant.id(), () -> {
            Contact contact = contacts.contactFor(Channel.WEBCHAT, visitor.id(), name);
            contacts.verifyCustomer(contact.id(), asked.userId(), name);
        });
        return visitor;
    }

    /** Only an anonymous visitor is renewed: once the site stops vouching for a user, that identity ends. */
    private Optional<Visitor> renewable(TenantDefinition tenant, String token) {
        return Optional.ofNullable(token).flatMap(t -> tokens.verify(t, tenant.id())).filter(v -> !v.verified());
    }

    private static Visitor anonymous(TenantDefinition tenant) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return new Visitor(tenant.id(), "v_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id), false);
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetIdleAddresses() {
        perAddress.forgetIdle();
    }
}
