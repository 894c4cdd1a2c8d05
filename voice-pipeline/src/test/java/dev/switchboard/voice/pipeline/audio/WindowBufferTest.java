package dev.switchboard.voice.pipeline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowBufferTest {

    @Test
    void rebuffersTwilioFramesIntoVadWindowsWithoutLosingSamples() {
        WindowBuffer buffer = new WindowBuffer(256);
        List<float[]> windows = new ArrayList<>();
        short next = 0;
        for (int frame = 0; frame < 8; frame++) { // 8 x 160 = 1280 samples = 5 windows of 256
            short[] samples = new short[160];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = next++;
            }
            buffer.append(samples, window -> windows.add(window.clone()));
        }
        assertThat(windows).hasSize(5);
        assertThat(windows.get(1)[0]).isEqualTo(256 / 32768f);
        assertThat(windows.get(4)[255]).isEqualTo(1279 / 32768f);
    }
}
