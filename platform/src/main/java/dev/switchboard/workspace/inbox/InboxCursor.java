package dev.switchboard.workspace.inbox;

import dev.switchboard.shared.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page starts: the last item's activity time (to the microsecond, as PostgreSQL stores it) and
 * id, which together order conversations totally. Opaque to clients; a tampered cursor is a 400, never SQL.
 */
public record InboxCursor(Instant lastMessageAt, UUID id) {

    public String encode() {
        long micros = lastMessageAt.getEpochSecond() * 1_000_000 + lastMessageAt.getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    public static InboxCursor decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII).split(":", 2);
            long micros = Long.parseLong(parts[0]);
            return new InboxCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                    Math.floorMod(micros, 1_000_000) * 1_000L), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw InvalidRequest.field("cursor", "is not a cursor this API returned");
        }
    }
}
