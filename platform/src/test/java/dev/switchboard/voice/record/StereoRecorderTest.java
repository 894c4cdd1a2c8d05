package dev.switchboard.voice.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording keeps the caller's frames as its clock: agent audio lands beside the caller frame it played during. */
class StereoRecorderTest {

    @TempDir Path dir;

    @Test
    void callerLeftAgentRightWithTheHeaderFilledInOnClose() throws Exception {
        Path file = dir.resolve("call.wav");
        byte[] callerFrame = new byte[160];
        Arrays.fill(callerFrame, (byte) 0x00);   // loud
        byte[] silence = new byte[160];
        Arrays.fill(silence, (byte) 0xFF);
        try (StereoRecorder recorder = new StereoRecorder(file)) {
            recorder.callerAudio(callerFrame);
            recorder.agentAudio(callerFrame);
            recorder.callerAudio(silence);
            recorder.agentAudio(callerFrame);      // still queued at close: written against silence
        }
        byte[] wav = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(22)).isEqualTo((short) 2);
        assertThat(b.getInt(40)).isEqualTo(3 * 160 * 4);
        assertThat(wav).hasSize(44 + 3 * 160 * 4);
        assertThat(Math.abs(b.getShort(44))).as("frame 1 left: the caller").isGreaterThan(1000);
        assertThat(b.getShort(46)).as("frame 1 right: nothing played yet").isZero();
        assertThat(b.getShort(44 + 160 * 4)).as("frame 2 left: caller silent").isZero();
        assertThat(Math.abs(b.getShort(44 + 160 * 4 + 2))).as("frame 2 right: the agent").isGreaterThan(1000);
    }
}
