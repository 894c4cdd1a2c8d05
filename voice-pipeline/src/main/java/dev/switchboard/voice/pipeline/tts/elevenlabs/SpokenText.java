package dev.switchboard.voice.pipeline.tts.elevenlabs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches returned audio to the sentences sent: ElevenLabs aligns every audio chunk with the characters it
 * speaks, so a sentence counts as synthesised once the aligned characters (whitespace aside) cover it.
 */
final class SpokenText {

    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private int aligned;

    void sent(String sentence) {
        waiting.add(sentence);
    }

    /** Adds aligned characters and returns the sentences they completed. */
    List<String> aligned(int characters) {
        aligned += characters;
        List<String> complete = new ArrayList<>();
        while (!waiting.isEmpty() && aligned >= weight(waiting.peek())) {
            aligned -= weight(waiting.peek());
            complete.add(waiting.poll());
        }
        return complete;
    }

    /** Everything still waiting: at the end of a response all of it has been spoken. */
    List<String> rest() {
        List<String> rest = new ArrayList<>(waiting);
        waiting.clear();
        aligned = 0;
        return rest;
    }

    List<String> unspoken() {
        return List.copyOf(waiting);
    }

    void restart() {
        aligned = 0;
    }

    private static int weight(String sentence) {
        return sentence.replaceAll("\\s", "").length();
    }
}
