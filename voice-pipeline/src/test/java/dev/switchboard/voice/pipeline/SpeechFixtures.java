package dev.switchboard.voice.pipeline;

import dev.switchboard.voice.pipeline.audio.MuLaw;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.tts.flite.FliteSynthesizer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Real speech made at test time with flite, cut into Twilio's 20 ms mu-law frames. */
public final class SpeechFixtures {

    private static final FliteSynthesizer VOICE = new FliteSynthesizer("slt");

    private SpeechFixtures() {
    }

    public static byte[] speech(String text) {
        return VOICE.toMulaw8k(text);
    }

    public static byte[] silence(int millis) {
        byte[] bytes = new byte[millis * 8];
        Arrays.fill(bytes, MuLaw.SILENCE);
        return bytes;
    }

    /** Silence, the sentence, silence: what a caller saying one thing sounds like. */
    public static byte[] utterance(String text, int silenceBeforeMillis, int silenceAfterMillis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(silence(silenceBeforeMillis));
        out.writeBytes(speech(text));
        out.writeBytes(silence(silenceAfterMillis));
        return out.toByteArray();
    }

    public static List<InputAudioFrame> frames(byte[] mulaw) {
        List<InputAudioFrame> frames = new ArrayList<>();
        for (int offset = 0; offset + 160 <= mulaw.length; offset += 160) {
            frames.add(new InputAudioFrame(Arrays.copyOfRange(mulaw, offset, offset + 160)));
        }
        return frames;
    }
}
