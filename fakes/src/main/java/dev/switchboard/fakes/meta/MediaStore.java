package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Ids;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Media the fake holds: uploaded through the wire, or put here by a test (e.g. the image of an inbound webhook). */
public final class MediaStore {

    /** One stored file; {@code sha256} is lower-case hex of the bytes. */
    public record StoredMedia(String id, byte[] bytes, String mimeType, String sha256) {
    }

    private final Map<String, StoredMedia> media = new ConcurrentHashMap<>();

    /** Stores {@code bytes} and returns the media id clients will use. */
    public String put(byte[] bytes, String mimeType) {
        var id = Ids.digits(16);
        media.put(id, new StoredMedia(id, bytes.clone(), mimeType, sha256(bytes)));
        return id;
    }

    public Optional<StoredMedia> get(String id) {
        return Optional.ofNullable(media.get(id));
    }

    boolean remove(String id) {
        return media.remove(id) != null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
