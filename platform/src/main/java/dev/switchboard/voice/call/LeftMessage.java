package dev.switchboard.voice.call;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A message the caller leaves (a voicemail, or a message for a human nobody could put the call through to): what
 * they say, turn after turn, kept as one customer message that grows as they speak (stored at once, so a hang-up
 * loses nothing), and finished once they have been quiet for a while. A pause for breath is not the end of it.
 */
final class LeftMessage {

    private final StringBuilder words = new StringBuilder();
    private UUID messageId;
    private volatile long lastWordsNanos;
    private volatile boolean finished;

    /**
     * Adds what the caller just said: the first words are stored as a new message ({@code store} returns its id),
     * later ones replace its text with everything said so far ({@code update}). Ignored once finished.
     */
    synchronized void add(String text, long nowNanos, Function<String, UUID> store, BiConsumer<UUID, String> update) {
        if (finished || text == null || text.isBlank()) {
            return;
        }
        if (!words.isEmpty()) {
            words.append(' ');
        }
        words.append(text.strip());
        if (messageId == null) {
            messageId = store.apply(words.toString());
        } else {
            update.accept(messageId, words.toString());
        }
        lastWordsNanos = nowNanos;
    }

    /** Whether words were left and none came for {@code quiet}. */
    boolean endedBy(Duration quiet, long nowNanos) {
        return !finished && lastWordsNanos != 0 && nowNanos - lastWordsNanos > quiet.toNanos();
    }

    /** Marks it finished; true for the one caller that did. */
    synchronized boolean finish() {
        if (finished || messageId == null) {
            return false;
        }
        finished = true;
        return true;
    }
}
