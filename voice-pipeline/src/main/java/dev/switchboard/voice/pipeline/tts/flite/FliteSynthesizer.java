package dev.switchboard.voice.pipeline.tts.flite;

import dev.switchboard.voice.pipeline.audio.MuLaw;
import dev.switchboard.voice.pipeline.audio.Resampler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Text to telephone audio with flite: synthesised at the voice's rate (16 kHz for slt, rms, awb, kal16; 8 kHz for
 * kal), low-pass resampled to 8 kHz and mu-law encoded. An offline stand-in for a commercial voice: intelligible,
 * clearly synthetic. Safe to share; synthesis is serialised because flite's voices are not re-entrant (a sentence
 * takes 10 to 55 ms).
 */
public final class FliteSynthesizer {

    private static final Map<String, FliteLibrary> VOICES = new ConcurrentHashMap<>();
    private static final ReentrantLock NATIVE = new ReentrantLock();

    private final FliteLibrary library;

    public FliteSynthesizer(String voice) {
        NATIVE.lock();
        try {
            this.library = VOICES.computeIfAbsent(voice, FliteLibrary::load);
        } finally {
            NATIVE.unlock();
        }
    }

    public FliteSynthesizer() {
        this("slt");
    }

    /** G.711 mu-law at 8 kHz, ready for the caller. */
    public byte[] toMulaw8k(String text) {
        return MuLaw.encode(toPcm(text, 8000));
    }

    /** 16-bit linear PCM at 8 or 16 kHz. */
    public short[] toPcm(String text, int sampleRate) {
        FliteLibrary.Pcm pcm;
        NATIVE.lock();
        try {
            pcm = library.synthesize(text);
        } finally {
            NATIVE.unlock();
        }
        return convert(pcm, sampleRate);
    }

    private static short[] convert(FliteLibrary.Pcm pcm, int sampleRate) {
        if (pcm.sampleRate() == sampleRate) {
            return pcm.samples();
        }
        if (pcm.sampleRate() == 16_000 && sampleRate == 8000) {
            return Resampler.downsampler16To8().process(pcm.samples());
        }
        if (pcm.sampleRate() == 8000 && sampleRate == 16_000) {
            return Resampler.upsampler8To16().process(pcm.samples());
        }
        throw new IllegalArgumentException("cannot convert " + pcm.sampleRate() + " Hz to " + sampleRate + " Hz");
    }
}
