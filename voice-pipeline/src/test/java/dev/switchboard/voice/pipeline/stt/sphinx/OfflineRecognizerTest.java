package dev.switchboard.voice.pipeline.stt.sphinx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.audio.LineNoise;
import dev.switchboard.voice.pipeline.audio.MuLaw;
import dev.switchboard.voice.pipeline.audio.Resampler;
import dev.switchboard.voice.pipeline.tts.flite.FliteSynthesizer;
import java.util.ArrayList;
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

    /**
     * What a call's first utterance is: telephone audio (8 kHz mu-law, upsampled) on a decoder that has heard nothing
     * yet, starting after however much line noise the VAD's timing let in. Each phrase at each lead-in on a fresh
     * recogniser; these phrases and lead-ins are ones the first decode missed before it was retried.
     */
    @Test
    void recognisesTheFirstUtteranceOfACallWhateverItsLeadIn() {
        List<String> phrases = List.of("I want to talk to a person", "who is coming to my house", "confirm my appointment",
                "show my appointment", "thanks that's all", "yes please", "when is my visit", "cancel my appointment");
        FliteSynthesizer voice = new FliteSynthesizer("slt");
        List<String> missed = new ArrayList<>();
        for (String phrase : phrases) {
            byte[] speech = voice.toMulaw8k(phrase);
            for (int leadMillis = 0; leadMillis <= 400; leadMillis += 100) {
                try (OfflineRecognizer recognizer = new OfflineRecognizer(SphinxSettings.grammar(phrases))) {
                    String heard = recognizer.recognize(telephone(speech, leadMillis));
                    if (!heard.equals(phrase.toLowerCase())) {
                        missed.add(phrase + " after " + leadMillis + " ms: '" + heard + "'");
                    }
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    private static short[] telephone(byte[] speech, int leadMillis) {
        byte[] noise = LineNoise.mulaw(8 * 1000);
        byte[] line = new byte[leadMillis * 8 + speech.length + 1600];
        System.arraycopy(noise, 0, line, 0, leadMillis * 8);
        System.arraycopy(speech, 0, line, leadMillis * 8, speech.length);
        System.arraycopy(noise, 0, line, leadMillis * 8 + speech.length, 1600);
        return Resampler.upsampler8To16().process(MuLaw.decode(line));
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
