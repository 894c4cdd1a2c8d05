package dev.switchboard.webchat.socket;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The text streamed so far of each reply being generated, per conversation. Every delta carries its offset in
 * that text, and a widget that (re)connects mid-reply first receives the whole draft at offset 0: it appends
 * what lies beyond its own length and ignores the rest, so nothing is lost and nothing shown twice. A draft ends
 * when its committed message is delivered (which replaces it in the widget) or, if that never comes, idles out.
 */
@Component
class Drafts {

    private static final Duration IDLE = Duration.ofMinutes(2);

    record Snapshot(UUID turnId, String text) {
    }

    private static final class Draft {
        final UUID turnId;
        final StringBuilder text = new StringBuilder();
        volatile long touched = System.nanoTime();

        Draft(UUID turnId) {
            this.turnId = turnId;
        }
    }

    private final ConcurrentHashMap<UUID, Draft> drafts = new ConcurrentHashMap<>();

    /** Appends a delta and returns its offset in the turn's current draft. */
    int append(UUID conversationId, UUID turnId, String delta) {
        int[] offset = new int[1];
        drafts.compute(conversationId, (id, draft) -> {
            Draft current = draft == null || !draft.turnId.equals(turnId) ? new Draft(turnId) : draft;
            offset[0] = current.text.length();
            current.text.append(delta);
            current.touched = System.nanoTime();
            return current;
        });
        return offset[0];
    }

    /**
     * Adds a delta another node streamed, at the offset it had there; false when it does not continue this
     * node's draft (a gap: the committed message will follow anyway).
     */
    boolean appendAt(UUID conversationId, UUID turnId, int offset, String delta) {
        boolean[] applied = new boolean[1];
        drafts.compute(conversationId, (id, draft) -> {
            Draft current = draft == null || !draft.turnId.equals(turnId) ? new Draft(turnId) : draft;
            int length = current.text.length();
            if (offset > length || offset + delta.length() <= length) {
                return draft;
            }
            current.text.append(delta, length - offset, delta.length());
            current.touched = System.nanoTime();
            applied[0] = true;
            return current;
        });
        return applied[0];
    }

    /** The reply of {@code turnId} was committed: its draft is over; the turn's next step starts a new one. */
    void committed(UUID conversationId, UUID turnId) {
        drafts.computeIfPresent(conversationId, (id, draft) -> draft.turnId.equals(turnId) ? null : draft);
    }

    void discard(UUID conversationId) {
        drafts.remove(conversationId);
    }

    Optional<Snapshot> current(UUID conversationId) {
        Snapshot[] snapshot = new Snapshot[1];
        drafts.computeIfPresent(conversationId, (id, draft) -> {
            snapshot[0] = new Snapshot(draft.turnId, draft.text.toString());
            return draft;
        });
        return Optional.ofNullable(snapshot[0]);
    }

    @Scheduled(fixedDelay = 30_000)
    void forgetIdle() {
        long cutoff = System.nanoTime() - IDLE.toNanos();
        drafts.values().removeIf(d -> d.touched < cutoff);
    }
}
