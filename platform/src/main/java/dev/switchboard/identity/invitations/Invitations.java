package dev.switchboard.identity.invitations;

import dev.switchboard.identity.auth.AuthProperties;
import dev.switchboard.identity.auth.Sessions;
import dev.switchboard.identity.users.Memberships;
import dev.switchboard.identity.users.Passwords;
import dev.switchboard.identity.users.User;
import dev.switchboard.identity.users.Users;
import dev.switchboard.shared.Forbidden;
import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.TenantScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token handed out is {@code <tenant id>.<random>}: the tenant part lets the accept step open the right
 * tenant scope (invitations are tenant rows under RLS), the random part is only stored as a hash.
 */
@Service
class Invitations {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Users users;
    private final Memberships memberships;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AuthProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Invitations(JdbcClient jdbc, TransactionTemplate tx, Users users, Memberships memberships, Passwords passwords,
                Sessions sessions, AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.users = users;
        this.memberships = memberships;
        this.passwords = passwords;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    Created invite(UUID tenantId, String email, TenantRole role, UUID invitedBy, TenantRole inviterRole) {
        if (role.ordinal() > inviterRole.ordinal()) {
            throw new Forbidden("you cannot invite someone with a higher role than yours");
        }
        String normalized = Users.normalizeEmail(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidRequest.field("email", "is not an email address");
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = tenantId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant expires = clock.instant().plus(properties.invitationTtl());
        TenantScope.within(tenantId, () -> tx.execute(s -> jdbc.sql("""
                insert into invitations (tenant_id, id, email, role, token_hash, invited_by, expires_at)
                values (:tenant, :id, :email, :role, :hash, :by, :expires)""")
                .param("tenant", tenantId).param("id", id).param("email", normalized).param("role", role.wireName())
                .param("hash", hash(token)).param("by", invitedBy).param("expires", Timestamp.from(expires)).update()));
        return new Created(id, normalized, role, token, expires);
    }

    List<Pending> pending(UUID tenantId) {
        return TenantScope.within(tenantId, () -> tx.execute(s -> jdbc.sql("""
                select id, email, role, expires_at, accepted_at from invitations order by created_at desc limit 200""")
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("role"), rs.getTimestamp("expires_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("accepted_at")).map(Timestamp::toInstant).orElse(null)))
                .list()));
    }

    /**
     * Accepts once: a new person sets their password; an existing user proves it is them with their current
     * password, so an invitation can never be used to take over someone else's account; that check is throttled
     * like sign-in, so the link cannot serve to guess the password either.
     */
    UUID accept(String token, String displayName, String password, String clientAddress) {
        UUID tenantId = tenantOf(token);
        return TenantScope.within(tenantId, () -> tx.execute(s -> {
            var invitation = jdbc.sql("""
                    select id, email, role from invitations
                     where token_hash = :hash and accepted_at is null and expires_at > now() for update""")
                    .param("hash", hash(token))
                    .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("role")})
                    .optional().orElseThrow(() -> new NotFound("invitation"));
            String email = (String) invitation[1];
            Optional<User> existing = users.findByEmail(email);
            User user;
            if (existing.isPresent()) {
                if (!sessions.passwordMatches(existing.get(), password, clientAddress)) {
                    throw InvalidRequest.field("password", "this email already has an account: enter its password");
                }
                user = existing.get();
            } else {
                String name = displayName == null || displayName.isBlank() ? email : displayName.strip();
                user = users.create(email, name, passwords.hash(password), false);
            }
            memberships.grant(tenantId, user.id(), TenantRole.fromWire((String) invitation[2]));
            jdbc.sql("update invitations set accepted_at = now() where id = :id").param("id", invitation[0]).update();
            return user.id();
        }));
    }

    private static UUID tenantOf(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        try {
            return UUID.fromString(token.substring(0, dot));
        } catch (RuntimeException e) {
            throw new NotFound("invitation");
        }
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Created(UUID id, String email, TenantRole role, String token, Instant expiresAt) {
    }

    record Pending(UUID id, String email, String role, Instant expiresAt, Instant acceptedAt) {
    }
}
