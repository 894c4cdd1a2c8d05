package dev.switchboard.fakes.deepgram;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns one utterance of mu-law 8 kHz audio into text. The fake calls it for interim results (with the audio so
 * far, {@code isFinal} false) and once more at the end of the utterance. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Recognizer {

    String recognize(byte[] mulaw, boolean isFinal);

    /**
     * Answers the scripted utterances in order, one per detected utterance; interim results are the first words,
     * about two per second of speech heard so far.
     */
    static Recognizer scripted(List<String> utterances) {
        AtomicInteger next = new AtomicInteger();
        return (mulaw, isFinal) -> {
            int index = isFinal ? next.getAndIncrement() : next.get();
            if (index >= utterances.size()) {
                return "";
            }
            if (isFinal) {
                return utterances.get(index);
            }
            String[] words = utterances.get(index).split(" ");
            int heard = Math.min(words.length, 1 + mulaw.length / 4000);
            return String.join(" ", java.util.Arrays.copyOf(words, heard));
        };
    }
}
