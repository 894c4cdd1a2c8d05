package dev.switchboard.voice.pipeline.stt.sphinx;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * One pocketsphinx decoder at 16 kHz: a grammar search over the expected phrases and, when enabled, the open English
 * language model as a second search. Not thread-safe: one per pipeline, used from its processor's thread.
 */
final class SphinxDecoder implements AutoCloseable {

    static final String GRAMMAR = "grammar";
    static final String OPEN_MODEL = "open";

    private final SphinxLibrary lib = SphinxLibrary.get();
    private final Arena arena = Arena.ofShared();
    private final MemorySegment config;
    private final MemorySegment decoder;
    private MemorySegment buffer;
    private String search;

    SphinxDecoder(SphinxModel model) {
        try {
            // No spectral noise removal: it estimates the noise from an utterance's first frames, and with the
            // lead-in of telephone audio varying by the VAD's timing it made the grammar search miss phrases it
            // knows (three utterances at 16 lead-ins, each on a fresh decoder: 35 of 48 recognised, 48 without).
            List<String> args = new ArrayList<>(List.of("-hmm", model.acousticModel().toString(),
                    "-dict", model.dictionary().toString(), "-remove_noise", "no", "-logfn", "/dev/null"));
            config = lib.configure(arena, args);
            if (config.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("pocketsphinx rejected its configuration " + args);
            }
            decoder = (MemorySegment) lib.psInit.invokeExact(config);
            if (decoder.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("pocketsphinx could not load its model from " + model.acousticModel());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot start pocketsphinx", e);
        }
    }

    boolean knowsWord(String word) {
        return call(() -> !((MemorySegment) lib.lookupWord.invokeExact(decoder, arena.allocateFrom(word)))
                .equals(MemorySegment.NULL));
    }

    void addGrammar(String jsgf) {
        check(call(() -> (int) lib.setJsgfString.invokeExact(decoder, arena.allocateFrom(GRAMMAR),
                arena.allocateFrom(jsgf))), "ps_set_jsgf_string");
    }

    void addOpenModel(String languageModelPath) {
        check(call(() -> (int) lib.setLmFile.invokeExact(decoder, arena.allocateFrom(OPEN_MODEL),
                arena.allocateFrom(languageModelPath))), "ps_set_lm_file");
    }

    void use(String searchName) {
        if (!searchName.equals(search)) {
            check(call(() -> (int) lib.setSearch.invokeExact(decoder, arena.allocateFrom(searchName))), "ps_set_search");
            search = searchName;
        }
    }

    void start() {
        check(call(() -> (int) lib.startUtt.invokeExact(decoder)), "ps_start_utt");
    }

    void process(short[] pcm16k) {
        process(pcm16k, false);
    }

    /** A whole utterance at once lets pocketsphinx normalise over all of it instead of a running estimate. */
    void process(short[] pcm16k, boolean wholeUtterance) {
        if (pcm16k.length == 0) {
            return;
        }
        if (buffer == null || buffer.byteSize() < 2L * pcm16k.length) {
            buffer = arena.allocate(2L * Math.max(pcm16k.length, 16_000));
        }
        MemorySegment.copy(pcm16k, 0, buffer, ValueLayout.JAVA_SHORT, 0, pcm16k.length);
        check(call(() -> (int) lib.processRaw.invokeExact(decoder, buffer, (long) pcm16k.length, 0,
                wholeUtterance ? 1 : 0)), "ps_process_raw");
    }

    /** Ends the utterance and returns the best hypothesis, empty when nothing was recognised. */
    String end() {
        check(call(() -> (int) lib.endUtt.invokeExact(decoder)), "ps_end_utt");
        return hypothesis();
    }

    String hypothesis() {
        MemorySegment hyp = call(() -> (MemorySegment) lib.getHyp.invokeExact(decoder, MemorySegment.NULL));
        return hyp.equals(MemorySegment.NULL) ? "" : hyp.reinterpret(Long.MAX_VALUE).getString(0).trim();
    }

    @Override
    public void close() {
        call(() -> (int) lib.psFree.invokeExact(decoder));
        call(() -> (int) lib.cmdLnFree.invokeExact(config));
        arena.close();
    }

    private static void check(int status, String function) {
        if (status < 0) {
            throw new IllegalStateException(function + " failed with " + status);
        }
    }

    private static <T> T call(NativeCall<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("pocketsphinx call failed", e);
        }
    }

    @FunctionalInterface
    private interface NativeCall<T> {
        T run() throws Throwable;
    }
}
