package dev.switchboard.identity.users;

import dev.switchboard.shared.InvalidRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashing and the password policy: 8 to 128 characters (long passphrases welcome), none of the most
 * common passwords. A dummy hash is verified for unknown users so timing does not reveal which emails exist.
 */
@Component
public class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final Set<String> common = loadCommon();
    private final String dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());

    public String hash(String password) {
        check(password);
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.length() > MAX_LENGTH) {
            encoder.matches("x", dummyHash);
            return false;
        }
        return encoder.matches(password, hash == null ? dummyHash : hash);
    }

    /** Spends the same time as a real check, for a login attempt on an unknown email. */
    public void burnTime(String password) {
        encoder.matches(password == null ? "" : password, dummyHash);
    }

    public void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw InvalidRequest.field("password", "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw InvalidRequest.field("password", "must be at most " + MAX_LENGTH + " characters");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw InvalidRequest.field("password", "is one of the most common passwords; choose another");
        }
    }

    private static Set<String> loadCommon() {
        try (var in = Passwords.class.getResourceAsStream("/identity/common-passwords.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
