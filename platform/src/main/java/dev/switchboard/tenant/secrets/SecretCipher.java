package dev.switchboard.tenant.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a random 96-bit nonce per encryption. The tenant id and the secret's name are authenticated
 * as associated data: a ciphertext copied to another tenant's or another name's row fails to decrypt.
 */
@Component
class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey masterKey;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    byte[] encrypt(UUID tenantId, String name, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(tenantId, name));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret " + name, e);
        }
    }

    String decrypt(UUID tenantId, String name, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey.key(),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 0, NONCE_BYTES)));
            cipher.updateAAD(associatedData(tenantId, name));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadable(name);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SecretUnreadable(name);
        }
    }

    String keyId() {
        return masterKey.id();
    }

    private static byte[] associatedData(UUID tenantId, String name) {
        return ("switchboard-secret:v1:" + tenantId + ":" + name).getBytes(StandardCharsets.UTF_8);
    }

    /** The ciphertext does not open under this key, tenant and name; never says more than the name. */
    static class SecretUnreadable extends RuntimeException {
        SecretUnreadable(String name) {
            super("secret " + name + " cannot be decrypted with the current master key for this tenant");
        }
    }
}
