package dev.switchboard.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The folder where a local installation keeps what must survive a restart: the embedded database, the
 * generated master key and demo password, recordings.
 */
@ConfigurationProperties("switchboard")
public record SwitchboardHome(Path home) {

    public SwitchboardHome {
        if (home == null) {
            home = Path.of(".switchboard");
        }
        home = home.toAbsolutePath().normalize();
    }

    public Path resolve(String name) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create SWITCHBOARD_HOME " + home, e);
        }
        return home.resolve(name);
    }

    /** Reads a small private file, or creates it with the supplied content (mode 0600) on first use. */
    public String readOrCreatePrivate(String name, java.util.function.Supplier<String> initial) {
        Path file = resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String value = initial.get();
            Path tmp = file.resolveSibling(name + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, value + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /**
     * A key of at least 32 bytes: the configured base64 value, else one generated once into the private file
     * {@code fileName} (local installations; production sets the variable, shared by every node).
     *
     * @param variable the setting's environment variable, named in the error a short or malformed key gets
     */
    public byte[] key(String configured, String fileName, String variable) {
        String encoded = configured == null || configured.isBlank() ? readOrCreatePrivate(fileName,
                () -> java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)))
                : configured;
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " must be base64 of at least 32 random bytes");
        }
        if (bytes.length < 32) {
            throw new IllegalStateException(variable + " must be at least 32 bytes (base64), got " + bytes.length);
        }
        return bytes;
    }
}
