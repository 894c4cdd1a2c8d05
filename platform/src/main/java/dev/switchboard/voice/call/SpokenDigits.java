package dev.switchboard.voice.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns codes read out digit by digit back into how they are written: "x one two three four five six seven l"
 * becomes "X1234567L", so an identity document said on the phone reaches the agent in the form its tools expect.
 * The offline recogniser writes digits as words; single letters join a run only when it holds at least four
 * digits, so "a visit" stays as it is.
 */
final class SpokenDigits {

    private static final Map<String, String> DIGITS = Map.ofEntries(Map.entry("zero", "0"), Map.entry("oh", "0"),
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"));

    private SpokenDigits() {
    }

    static String normalise(String text) {
        String[] words = text.trim().split("\\s+");
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < words.length) {
            int end = i;
            int digits = 0;
            while (end < words.length && codePart(words[end])) {
                digits += DIGITS.containsKey(words[end].toLowerCase(Locale.ROOT)) || words[end].matches("\\d") ? 1 : 0;
                end++;
            }
            if (digits >= 4) {
                StringBuilder code = new StringBuilder();
                for (int k = i; k < end; k++) {
                    String w = words[k].toLowerCase(Locale.ROOT);
                    code.append(DIGITS.getOrDefault(w, w.toUpperCase(Locale.ROOT)));
                }
                out.add(code.toString());
                i = end;
            } else {
                out.add(words[i]);
                i++;
            }
        }
        return String.join(" ", out);
    }

    private static boolean codePart(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return DIGITS.containsKey(w) || w.matches("[a-z0-9]");
    }
}
