package dev.switchboard.voice.pipeline.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts streamed LLM text into pieces worth speaking: whole sentences as soon as they end, and long clauses at a
 * comma or semicolon, so the caller hears the first words while the rest of the answer is still being written.
 * A boundary needs whitespace after the punctuation, which keeps "3.5" and "e.g." mid-word intact.
 */
public final class SentenceChunker {

    private final int clauseMinimum;
    private final StringBuilder pending = new StringBuilder();

    public SentenceChunker(int clauseMinimum) {
        this.clauseMinimum = clauseMinimum;
    }

    public SentenceChunker() {
        this(60);
    }

    /** Adds a delta and returns the pieces it completed. */
    public List<String> add(String delta) {
        pending.append(delta);
        List<String> pieces = new ArrayList<>();
        int cut;
        while ((cut = nextCut()) > 0) {
            String piece = pending.substring(0, cut).trim();
            pending.delete(0, cut);
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    /** Whatever is left at the end of the reply. */
    public String flush() {
        String rest = pending.toString().trim();
        pending.setLength(0);
        return rest;
    }

    public void reset() {
        pending.setLength(0);
    }

    private int nextCut() {
        for (int i = 0; i + 1 < pending.length(); i++) {
            char c = pending.charAt(i);
            boolean spaceAfter = Character.isWhitespace(pending.charAt(i + 1));
            if (spaceAfter && (c == '.' || c == '!' || c == '?')) {
                return i + 1;
            }
            if (spaceAfter && (c == ',' || c == ';' || c == ':') && i + 1 >= clauseMinimum) {
                return i + 1;
            }
        }
        return -1;
    }
}
