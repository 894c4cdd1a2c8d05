package dev.switchboard.tenant.secrets;

import dev.switchboard.shared.SwitchboardHome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that encrypts tenant secrets: {@code SWITCHBOARD_MASTER_KEY} (base64, 32 bytes) in production, or a
 * key file generated once under SWITCHBOARD_HOME for local use. Never stored in the database.
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final SecretKey key;
    private final String id;

    MasterKey(@Value("${switchboard.master-key:}") String configured, SwitchboardHome home) {
        byte[] bytes = home.key(configured, "master.key", "SWITCHBOARD_MASTER_KEY");
        if (configured == null || configured.isBlank()) {
            log.info("using the local master key file {} (set SWITCHBOARD_MASTER_KEY in production)",
                    home.resolve("master.key"));
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("SWITCHBOARD_MASTER_KEY must be 32 bytes (base64), got " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = fingerprint(bytes);
    }

    SecretKey key() {
        return key;
    }

    /** A short fingerprint stored beside each ciphertext, so a key mix-up is reported as such. */
    String id() {
        return id;
    }

    private static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
