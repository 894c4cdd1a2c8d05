package dev.switchboard.whatsapp.media;

import dev.switchboard.shared.SwitchboardHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps inbound media on the local filesystem under {@code SWITCHBOARD_HOME/media}, one folder per tenant, named
 * by content hash (a file redelivered is stored once). The reference kept on the message is the path relative to
 * SWITCHBOARD_HOME, so the folder can move.
 */
@Component
class MediaFiles {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("image/jpeg", "jpg"),
            Map.entry("image/png", "png"), Map.entry("image/webp", "webp"), Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp4", "m4a"), Map.entry("audio/aac", "aac"),
            Map.entry("audio/amr", "amr"), Map.entry("video/mp4", "mp4"), Map.entry("video/3gpp", "3gp"),
            Map.entry("application/pdf", "pdf"), Map.entry("text/plain", "txt"));

    private final SwitchboardHome home;

    MediaFiles(SwitchboardHome home) {
        this.home = home;
    }

    /** Stores the bytes and returns the reference, e.g. {@code media/<tenant>/2026-05/<sha256>.jpg}. */
    String store(UUID tenantId, byte[] bytes, String mimeType) {
        String name = sha256(bytes) + "." + extension(mimeType);
        String reference = "media/" + tenantId + "/" + YearMonth.now(ZoneOffset.UTC) + "/" + name;
        Path target = home.resolve(reference);
        try {
            if (Files.exists(target)) {
                return reference;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "incoming", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return reference;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media under " + target.getParent(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String extension(String mimeType) {
        String base = mimeType == null ? "" : mimeType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return EXTENSIONS.getOrDefault(base, "bin");
    }
}
