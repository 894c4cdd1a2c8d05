package dev.switchboard.identity.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens, stored as SHA-256 hashes. Each use spends the token and issues the next one of the
 * same family; presenting a spent token means it was stolen or replayed, so the whole family is revoked and
 * both the thief and the victim must sign in again.
 */
@Component
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final JdbcClient jdbc;
    private final AuthProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(JdbcClient jdbc, AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Must run in a transaction. Issues only while the user is enabled and still at {@code sessionEpoch}, and
     * share-locks the user row until commit: a password change or a disable (which update that row, then revoke
     * the tokens) either waits and then revokes this token too, or has committed and this issues nothing.
     */
    Optional<String> issue(UUID userId, UUID familyId, int sessionEpoch) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int issued = jdbc.sql("""
                insert into refresh_tokens (id, user_id, family_id, token_hash, expires_at)
                select :id, :user, :family, :hash, :expires
                 where exists (select 1 from users where id = :user and session_epoch = :epoch
                                  and disabled_at is null for share)""")
                .param("id", UUID.randomUUID()).param("user", userId).param("family", familyId)
                .param("hash", hash(token)).param("epoch", sessionEpoch)
                .param("expires", java.sql.Timestamp.from(clock.instant().plus(properties.refreshTokenTtl())))
                .update();
        return issued == 1 ? Optional.of(token) : Optional.empty();
    }

    /**
     * Spends a token and returns its user and family, or empty when the token is unknown, expired, revoked or
     * already spent (the last revokes the family). Must run in a transaction; the row is locked so two
     * concurrent uses of one token cannot both succeed.
     */
    Optional<Spent> spend(String token) {
        Optional<UUID> owner = jdbc.sql("select user_id from refresh_tokens where token_hash = :hash")
                .param("hash", hash(token)).query(UUID.class).optional();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        // The user row first, then the token: the order in which a password change or a disable lock them, so
        // neither can revoke this user's tokens while a refresh is between spending one and issuing the next.
        jdbc.sql("select id from users where id = :user for share").param("user", owner.get()).query(UUID.class).optional();
        Optional<Row> row = jdbc.sql("""
                select id, user_id, family_id, expires_at, spent_at, revoked_at from refresh_tokens
                 where token_hash = :hash for update""")
                .param("hash", hash(token))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getObject("family_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("spent_at") != null, rs.getTimestamp("revoked_at") != null))
                .optional();
        if (row.isEmpty() || row.get().revoked()) {
            return Optional.empty();
        }
        Row r = row.get();
        if (r.spent()) {
            log.warn("refresh token reuse detected for user {}: revoking token family {}", r.userId(), r.familyId());
            revokeFamily(r.familyId());
            return Optional.empty();
        }
        if (!r.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        jdbc.sql("update refresh_tokens set spent_at = now() where id = :id").param("id", r.id()).update();
        return Optional.of(new Spent(r.userId(), r.familyId()));
    }

    /** Logout: the family of this token stops working. Unknown tokens are ignored. */
    void revokeFamilyOf(String token) {
        jdbc.sql("""
                update refresh_tokens set revoked_at = now() where revoked_at is null and family_id =
                    (select family_id from refresh_tokens where token_hash = :hash)""")
                .param("hash", hash(token)).update();
    }

    void revokeFamily(UUID familyId) {
        jdbc.sql("update refresh_tokens set revoked_at = now() where family_id = :family and revoked_at is null")
                .param("family", familyId).update();
    }

    void revokeAllOf(UUID userId) {
        jdbc.sql("update refresh_tokens set revoked_at = now() where user_id = :user and revoked_at is null")
                .param("user", userId).update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Spent(UUID userId, UUID familyId) {
    }

    private record Row(UUID id, UUID userId, UUID familyId, Instant expiresAt, boolean spent, boolean revoked) {
    }
}
