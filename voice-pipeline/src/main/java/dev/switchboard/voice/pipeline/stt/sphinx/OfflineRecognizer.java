package dev.switchboard.voice.pipeline.stt.sphinx;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises one utterance at a time from 16 kHz audio fed as it arrives. The grammar of expected phrases is tried
 * first, since pocketsphinx's open model is unusable on telephone audio. Streaming decoding normalises the audio
 * with a running estimate that starts from the model's defaults, which can miss the first utterance of a call; so
 * when it finds nothing, the kept utterance is decoded again as a whole, and then, if the fallback is enabled (or
 * there are no phrases), with the open English model.
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

    public String endUtterance() {
        String text = decoder.end();
        String first = grammar.isEmpty() ? SphinxDecoder.OPEN_MODEL : SphinxDecoder.GRAMMAR;
        if (text.isEmpty()) {
            text = decodeWhole(first);
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
