package dev.switchboard.voice.pipeline.tts.flite;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Debian's libflite (2.2) through the foreign-function API. The voice library pulls in libflite, the US English
 * front end and the lexicon by itself. flite keeps shared state in its voices and lexicon, so calls are serialised
 * by {@link FliteSynthesizer}.
 */
final class FliteLibrary {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final AddressLayout POINTER = ValueLayout.ADDRESS;

    // struct cst_wave { const char *type; int sample_rate; int num_samples; int num_channels; short *samples; }
    static final long WAVE_SAMPLE_RATE = 8;
    static final long WAVE_NUM_SAMPLES = 12;
    static final long WAVE_NUM_CHANNELS = 16;
    static final long WAVE_SAMPLES = 24;
    static final long WAVE_SIZE = 32;

    private final MethodHandle textToWave;
    private final MethodHandle deleteWave;
    private final MemorySegment voice;

    private FliteLibrary(String voiceName) throws Throwable {
        SymbolLookup flite = SymbolLookup.libraryLookup("libflite.so.1", Arena.global());
        SymbolLookup voices = SymbolLookup.libraryLookup("libflite_cmu_us_" + voiceName + ".so.1", Arena.global());
        MethodHandle init = LINKER.downcallHandle(flite.findOrThrow("flite_init"), FunctionDescriptor.of(ValueLayout.JAVA_INT));
        MethodHandle register = LINKER.downcallHandle(voices.findOrThrow("register_cmu_us_" + voiceName),
                FunctionDescriptor.of(POINTER, POINTER));
        this.textToWave = LINKER.downcallHandle(flite.findOrThrow("flite_text_to_wave"),
                FunctionDescriptor.of(POINTER.withTargetLayout(java.lang.foreign.MemoryLayout.sequenceLayout(WAVE_SIZE,
                        ValueLayout.JAVA_BYTE)), POINTER, POINTER));
        this.deleteWave = LINKER.downcallHandle(flite.findOrThrow("delete_wave"), FunctionDescriptor.ofVoid(POINTER));
        int ignored = (int) init.invokeExact();
        this.voice = (MemorySegment) register.invokeExact(MemorySegment.NULL);
        if (voice.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("flite could not register voice " + voiceName);
        }
    }

    static FliteLibrary load(String voiceName) {
        try {
            return new FliteLibrary(voiceName);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("flite voice '" + voiceName + "' is not installed (Debian packages flite, "
                    + "libflite1; run voice-pipeline/prepare.sh): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot bind libflite", e);
        }
    }

    /** Synthesises text and returns the samples with their rate; the native wave is freed before returning. */
    Pcm synthesize(String text) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment wave = (MemorySegment) textToWave.invokeExact(arena.allocateFrom(text), voice);
            if (wave.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("flite produced no audio for: " + text);
            }
            try {
                return readWave(wave);
            } finally {
                deleteWave.invokeExact(wave);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("flite failed", e);
        }
    }

    private static Pcm readWave(MemorySegment wave) {
        int rate = wave.get(ValueLayout.JAVA_INT, WAVE_SAMPLE_RATE);
        int count = wave.get(ValueLayout.JAVA_INT, WAVE_NUM_SAMPLES);
        int channels = wave.get(ValueLayout.JAVA_INT, WAVE_NUM_CHANNELS);
        if (channels != 1) {
            throw new IllegalStateException("flite returned " + channels + " channels");
        }
        MemorySegment samples = wave.get(POINTER, WAVE_SAMPLES).reinterpret(2L * count);
        return new Pcm(samples.toArray(ValueLayout.JAVA_SHORT), rate);
    }

    /** Linear 16-bit samples at a rate. */
    record Pcm(short[] samples, int sampleRate) {
    }
}
