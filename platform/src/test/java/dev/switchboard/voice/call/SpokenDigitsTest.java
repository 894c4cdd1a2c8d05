package dev.switchboard.voice.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpokenDigitsTest {

    @Test
    void documentsReadOutDigitByDigitAreWrittenBackAsCodes() {
        assertThat(SpokenDigits.normalise("my document is x one two three four five six seven l"))
                .isEqualTo("my document is X1234567L");
        assertThat(SpokenDigits.normalise("one two three four five six seven eight z")).isEqualTo("12345678Z");
        assertThat(SpokenDigits.normalise("my passport is p a b one two three four five six")).isEqualTo("my passport is PAB123456");
    }

    @Test
    void ordinarySpeechIsLeftAlone() {
        assertThat(SpokenDigits.normalise("I want to cancel a visit")).isEqualTo("I want to cancel a visit");
        assertThat(SpokenDigits.normalise("one moment two people")).isEqualTo("one moment two people");
    }
}
