package dev.switchboard.voice.pipeline.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceChunkerTest {

    @Test
    void emitsEachSentenceAsSoonAsItEnds() {
        SentenceChunker chunker = new SentenceChunker();
        List<String> out = new ArrayList<>();
        for (String delta : List.of("Sure", ", I can", " help. What", " time works", " for you? I", "'ll wait")) {
            out.addAll(chunker.add(delta));
        }
        assertThat(out).containsExactly("Sure, I can help.", "What time works for you?");
        assertThat(chunker.flush()).isEqualTo("I'll wait");
    }

    @Test
    void cutsLongClausesAtCommasButKeepsDecimalsWhole() {
        SentenceChunker chunker = new SentenceChunker(20);
        List<String> out = chunker.add("Your balance is 3.5 dollars and your plan, which renews monthly, is ");
        assertThat(out).containsExactly("Your balance is 3.5 dollars and your plan,", "which renews monthly,");
    }
}
