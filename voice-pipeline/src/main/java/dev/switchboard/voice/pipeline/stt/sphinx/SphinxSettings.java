package dev.switchboard.voice.pipeline.stt.sphinx;

import java.util.List;

/**
 * How the offline recogniser listens: the phrases the caller is expected to say (the grammar) and whether to fall
 * back to the open English model when the grammar recognises nothing.
 */
public record SphinxSettings(SphinxModel model, List<String> phrases, boolean openModelFallback) {

    public SphinxSettings {
        phrases = List.copyOf(phrases);
    }

    public static SphinxSettings grammar(List<String> phrases) {
        return new SphinxSettings(SphinxModel.DEBIAN_EN_US, phrases, false);
    }

    public SphinxSettings withOpenModelFallback() {
        return new SphinxSettings(model, phrases, true);
    }
}
