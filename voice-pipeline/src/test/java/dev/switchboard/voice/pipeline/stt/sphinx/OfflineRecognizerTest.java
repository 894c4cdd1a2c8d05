package dev.switchboard.voice.pipeline.stt.sphinx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.tts.flite.FliteSynthesizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineRecognizerTest {

    private static final List<String> PHRASES = List.of("book a table for two", "what time do you open",
            "I want to cancel my order", "yes please", "no thanks");

    @Test
    void recognisesSynthesisedSpeechAgainstTheGrammarAt16kHz() {
        short[] speech = new FliteSynthesizer("slt").toPcm("What time do you open?", 16_000);
        try (OfflineRecognizer recognizer = new OfflineRecognizer(SphinxSettings.grammar(PHRASES))) {
            assertThat(recognizer.recognize(speech)).isEqualTo("what time do you open");
        }
    }

    @Test
    void leavesOutPhrasesWithWordsTheDictionaryLacks() {
        try (OfflineRecognizer recognizer = new OfflineRecognizer(
                SphinxSettings.grammar(List.of("book a table for 2", "zzqxv blorp")))) {
            assertThat(recognizer.grammarPhrases()).containsExactly("book a table for two");
        }
    }

    @Test
    void fallsBackToTheOpenModelWithoutPhrases() {
        short[] speech = new FliteSynthesizer("slt").toPcm("hello", 16_000);
        try (OfflineRecognizer recognizer = new OfflineRecognizer(SphinxSettings.grammar(List.of()))) {
            assertThat(recognizer.recognize(speech)).isNotBlank();
        }
    }
}
