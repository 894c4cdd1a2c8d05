package dev.switchboard.voice.pipeline.frames;

import java.util.Arrays;

/**
 * Audio for the caller: G.711 mu-law, 8 kHz, mono, the telephone format the whole pipeline speaks
 * (no transcoding between Twilio, Deepgram and ElevenLabs). Copied in and out so the frame stays immutable.
 */
public record OutputAudioFrame(byte[] mulaw) implements DataFrame {

    public OutputAudioFrame {
        mulaw = mulaw.clone();
    }

    @Override
    public byte[] mulaw() {
        return mulaw.clone();
    }

    public int sampleCount() {
        return mulaw.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputAudioFrame that && Arrays.equals(mulaw, that.mulaw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mulaw);
    }

    @Override
    public String toString() {
        return "OutputAudioFrame[" + mulaw.length + " samples]";
    }
}
