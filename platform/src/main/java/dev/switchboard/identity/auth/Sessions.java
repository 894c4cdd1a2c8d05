package dev.switchboard.identity.auth;

import dev.switchboard.identity.users.Passwords;
import dev.switchboard.identity.users.User;
import dev.switchboard.identity.users.Users;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-in, token refresh, sign-out and password change: the lifecycle of a user's sessions. */
@Service
public class Sessions {

    private final Users users;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final TransactionTemplate tx;

    Sessions(Users users, Passwords passwords, AccessTokens accessTokens, RefreshTokens refreshTokens,
             LoginThrottle throttle, TransactionTemplate tx) {
        this.users = users;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.tx = tx;
    }

    /**
     * Empty for a wrong email or password alike; throws TooManyRequests when this address is throttled. Every
     * attempt counts as a failure for the throttle unless it succeeds.
     */
    public Optional<TokenPair> login(String email, String password, String clientAddress) {
        throttle.checkAllowed(email, clientAddress);
        Optional<User> user = users.findByEmail(email);
        if (user.isEmpty()) {
            passwords.burnTime(password);
        }
        if (user.isEmpty() || user.get().disabled() || !passwords.matches(password, user.get().passwordHash())) {
            return Optional.empty();
        }
        throttle.recordSuccess(email, clientAddress);
        return tx.execute(s -> newPair(user.get(), UUID.randomUUID()));
    }

    /**
     * Checks an existing account's password as sign-in does, under the same throttle, for flows that take a
     * password outside sign-in (accepting an invitation into an existing account); throws TooManyRequests when
     * this address is throttled for that account.
     */
    public boolean passwordMatches(User user, String password, String clientAddress) {
        throttle.checkAllowed(user.email(), clientAddress);
        if (!passwords.matches(password, user.passwordHash())) {
            return false;
        }
        throttle.recordSuccess(user.email(), clientAddress);
        return true;
    }

    /**
     * Rotates a refresh token. The spend (and, on reuse, the family revocation) commits even when the answer is
     * empty, so a replayed token leaves the family revoked.
     */
    public Optional<TokenPair> refresh(String refreshToken) {
        return tx.execute(s -> refreshTokens.spend(refreshToken)
                .flatMap(spent -> users.find(spent.userId()).filter(u -> !u.disabled())
                        .flatMap(u -> newPair(u, spent.familyId()))));
    }

    public void logout(String refreshToken) {
        tx.executeWithoutResult(s -> refreshTokens.revokeFamilyOf(refreshToken));
    }

    /** Ends every session of the user (all devices) and returns a fresh pair for the caller's own device. */
    public Optional<TokenPair> changePassword(UUID userId, String currentPassword, String newPassword,
                                              String clientAddress) {
        User user = users.find(userId).orElseThrow();
        // Throttled like sign-in: a stolen access token must not become a way to guess the password.
        if (!passwordMatches(user, currentPassword, clientAddress)) {
            return Optional.empty();
        }
        String hash = passwords.hash(newPassword);
        return tx.execute(s -> {
            users.changePassword(userId, hash);
            refreshTokens.revokeAllOf(userId);
            return newPair(users.find(userId).orElseThrow(), UUID.randomUUID());
        });
    }

    /** Disabling (or re-enabling) a user ends all their sessions. */
    public void setDisabled(UUID userId, boolean disabled) {
        tx.executeWithoutResult(s -> {
            users.setDisabled(userId, disabled);
            refreshTokens.revokeAllOf(userId);
        });
    }

    /** Empty when the user's sessions ended since {@code user} was read (see RefreshTokens.issue). */
    private Optional<TokenPair> newPair(User user, UUID familyId) {
        return refreshTokens.issue(user.id(), familyId, user.sessionEpoch())
                .map(refresh -> new TokenPair(accessTokens.issue(user), refresh, accessTokens.ttlSeconds()));
    }

    public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
        @Override
        public String toString() {
            return "TokenPair[***]";
        }
    }
}
