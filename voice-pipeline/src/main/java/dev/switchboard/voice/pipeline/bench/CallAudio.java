package dev.switchboard.voice.pipeline.bench;

import dev.switchboard.voice.pipeline.audio.LineNoise;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.tts.flite.FliteSynthesizer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A caller's side of a call for the benchmark: real speech with pauses, about as much speech as pause. A pause is
 * a phone line's noise floor (uniform noise at about -65 dBFS), not digital silence, as on a real line.
 */
final class CallAudio {

    private CallAudio() {
    }

    static List<InputAudioFrame> mix(FliteSynthesizer voice, List<String> phrases, int seconds) {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        byte[] pause = LineNoise.mulaw(8000 * 2);
        for (int i = 0; audio.size() < seconds * 8000; i++) {
            audio.writeBytes(voice.toMulaw8k(phrases.get(i % phrases.size())));
            audio.writeBytes(pause);
        }
        byte[] all = Arrays.copyOf(audio.toByteArray(), seconds * 8000);
        List<InputAudioFrame> frames = new ArrayList<>();
        for (int offset = 0; offset + 160 <= all.length; offset += 160) {
            frames.add(new InputAudioFrame(Arrays.copyOfRange(all, offset, offset + 160)));
        }
        return frames;
    }
}
