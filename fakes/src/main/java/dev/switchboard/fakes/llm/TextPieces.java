package dev.switchboard.fakes.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How scripted output is cut into streamed deltas, deterministically, roughly one token per piece. */
public final class TextPieces {

    private static final Pattern BEFORE_WHITESPACE = Pattern.compile("(?<=\\S)(?=\\s)");
    private static final int JSON_FRAGMENTS = 3;

    private TextPieces() {
    }

    /** "Hello there, Ana" becomes "Hello", " there,", " Ana": whitespace travels with the word after it. */
    public static List<String> words(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of(BEFORE_WHITESPACE.split(text));
    }

    /**
     * Tool arguments as the real APIs stream them: an empty first fragment, then the JSON cut at arbitrary points
     * (mid-key, mid-value), so a client that parses before the block ends breaks.
     */
    public static List<String> jsonFragments(String json) {
        var fragments = new ArrayList<String>();
        fragments.add("");
        int size = Math.max(1, (json.length() + JSON_FRAGMENTS - 1) / JSON_FRAGMENTS);
        for (int start = 0; start < json.length(); start += size) {
            fragments.add(json.substring(start, Math.min(json.length(), start + size)));
        }
        return fragments;
    }

    /** A rough token count (about four characters a token), used for usage numbers. */
    public static int tokens(String text) {
        return text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
    }
}
