package dev.switchboard.voice.pipeline.vad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.vad.VoiceActivity.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceActivityTest {

    private final VoiceActivity activity = new VoiceActivity(VadParams.DEFAULTS, Duration.ofMillis(32));

    @Test
    void startsAfterTwoHundredMillisecondsOfSpeechAndStopsAfterTwoHundredOfSilence() {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            changes.add(activity.update(0.95f));
        }
        assertThat(changes.indexOf(Change.STARTED)).isEqualTo(5); // 6 windows x 32 ms = 192 ms
        changes.clear();
        for (int i = 0; i < 10; i++) {
            changes.add(activity.update(0.1f));
        }
        assertThat(changes.indexOf(Change.STOPPED)).isEqualTo(5);
    }

    @Test
    void windowsTheModelStillCallsSpeechAfterTheWordsCountTowardsTheStop() {
        VoiceActivity lagging = new VoiceActivity(VadParams.DEFAULTS, Duration.ofMillis(32), 1);
        for (int i = 0; i < 6; i++) {
            lagging.update(0.95f);
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            changes.add(lagging.update(0.1f));
        }
        assertThat(changes.indexOf(Change.STOPPED)).isEqualTo(4); // 5 quiet windows after the lagging one = 192 ms
    }

    @Test
    void aShortBlipDoesNotStartAndAShortPauseDoesNotStop() {
        for (int i = 0; i < 3; i++) {
            assertThat(activity.update(0.9f)).isEqualTo(Change.NONE);
        }
        activity.update(0.1f);
        assertThat(activity.speaking()).isFalse();
        for (int i = 0; i < 6; i++) {
            activity.update(0.9f);
        }
        assertThat(activity.speaking()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(activity.update(0.2f)).isEqualTo(Change.NONE);
        }
        activity.update(0.9f);
        assertThat(activity.speaking()).isTrue();
    }

    @Test
    void confidenceBelowTheThresholdIsNotSpeech() {
        for (int i = 0; i < 20; i++) {
            assertThat(activity.update(0.69f)).isEqualTo(Change.NONE);
        }
    }
}
