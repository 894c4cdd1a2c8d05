package dev.switchboard.voice.pipeline.stt.sphinx;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises one utterance at a time from 16 kHz audio fed as it arrives. The grammar of expected phrases is tried
 * first, since pocketsphinx's open model is unusable on telephone audio. Streaming decoding normalises the audio
 * with a running estimate that starts from the model's defaults and misses words, above all in the first utterance
 * of a call; so it only feeds interim hypotheses, and the final result decodes the kept utterance as a whole. When
 * that finds nothing and the fallback is enabled (or there are no phrases), the open English model is tried.
 */
public final class OfflineRecognizer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfflineRecognizer.class);
    private static final int MAX_UTTERANCE_SAMPLES = 16_000 * 30;

    private final SphinxDecoder decoder;
    private final PhraseGrammar grammar;
    private final boolean openModel;
    private short[] utterance = new short[16_000 * 4];
    private int length;

    public OfflineRecognizer(SphinxSettings settings) {
        this.decoder = new SphinxDecoder(settings.model());
        this.grammar = PhraseGrammar.of(settings.phrases(), decoder::knowsWord);
        this.openModel = settings.openModelFallback() || grammar.isEmpty();
        if (grammar.phrases().size() < settings.phrases().size()) {
            log.warn("{} of {} expected phrases use words the dictionary lacks and were left out of the grammar",
                    settings.phrases().size() - grammar.phrases().size(), settings.phrases().size());
        }
        if (!grammar.isEmpty()) {
            decoder.addGrammar(grammar.toJsgf());
        }
        if (openModel) {
            decoder.addOpenModel(settings.model().languageModel().toString());
        }
        decoder.use(grammar.isEmpty() ? SphinxDecoder.OPEN_MODEL : SphinxDecoder.GRAMMAR);
    }

    public List<String> grammarPhrases() {
        return grammar.phrases();
    }

    public void startUtterance() {
        length = 0;
        decoder.use(grammar.isEmpty() ? SphinxDecoder.OPEN_MODEL : SphinxDecoder.GRAMMAR);
        decoder.start();
    }

    public void feed(short[] pcm16k) {
        keep(pcm16k);
        decoder.process(pcm16k);
    }

    /** The best hypothesis so far, for interim results. */
    public String partial() {
        return decoder.hypothesis();
    }

    /**
     * The final result comes from decoding the kept utterance as a whole (normalised over all of it, about 1 % of
     * real time with a grammar); the streaming result, which served the interim hypotheses, is the fallback.
     * A grammar search that finds no phrase is run once more: each decode moves the decoder's cepstral mean towards
     * this line's audio from the model's wideband defaults, and on the first utterance of a call those defaults
     * alone made the search miss about a quarter of the phrases it knows (the acme phrases said by flite at five
     * lead-ins, a fresh decoder each: 182 of 245 recognised; with the second pass 223, the same as later in a call).
     */
    public String endUtterance() {
        String streamed = decoder.end();
        String first = grammar.isEmpty() ? SphinxDecoder.OPEN_MODEL : SphinxDecoder.GRAMMAR;
        String text = decodeWhole(first);
        if (text.isEmpty() && !grammar.isEmpty()) {
            text = decodeWhole(first);
        }
        if (text.isEmpty()) {
            text = streamed;
        }
        if (text.isEmpty() && openModel && !grammar.isEmpty()) {
            text = decodeWhole(SphinxDecoder.OPEN_MODEL);
        }
        return text;
    }

    /** Recognises a whole utterance at once. */
    public String recognize(short[] pcm16k) {
        startUtterance();
        feed(pcm16k);
        return endUtterance();
    }

    @Override
    public void close() {
        decoder.close();
    }

    private String decodeWhole(String search) {
        if (length == 0) {
            return "";
        }
        decoder.use(search);
        decoder.start();
        decoder.process(Arrays.copyOf(utterance, length), true);
        return decoder.end();
    }

    private void keep(short[] pcm) {
        if (length + pcm.length > MAX_UTTERANCE_SAMPLES) {
            return;
        }
        if (length + pcm.length > utterance.length) {
            utterance = Arrays.copyOf(utterance, Math.max(utterance.length * 2, length + pcm.length));
        }
        System.arraycopy(pcm, 0, utterance, length, pcm.length);
        length += pcm.length;
    }
}
