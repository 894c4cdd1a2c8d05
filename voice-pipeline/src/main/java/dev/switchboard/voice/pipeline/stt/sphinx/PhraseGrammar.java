package dev.switchboard.voice.pipeline.stt.sphinx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A JSGF grammar of the phrases a caller is expected to say (built from the tenant's flow). Phrases are normalised
 * to the dictionary's spelling: lower case, digits read as words, punctuation dropped; a phrase with a word the
 * dictionary lacks is left out, because one unknown word makes pocketsphinx reject the whole grammar.
 */
public final class PhraseGrammar {

    private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private final List<String> phrases;

    private PhraseGrammar(List<String> phrases) {
        this.phrases = phrases;
    }

    public static PhraseGrammar of(List<String> phrases, Predicate<String> knownWord) {
        Set<String> kept = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String normalised = normalise(phrase);
            if (!normalised.isEmpty() && List.of(normalised.split(" ")).stream().allMatch(knownWord)) {
                kept.add(normalised);
            }
        }
        return new PhraseGrammar(new ArrayList<>(kept));
    }

    public List<String> phrases() {
        return List.copyOf(phrases);
    }

    public boolean isEmpty() {
        return phrases.isEmpty();
    }

    public String toJsgf() {
        return "#JSGF V1.0;\ngrammar phrases;\npublic <phrase> = " + String.join(" | ", phrases) + " ;\n";
    }

    static String normalise(String phrase) {
        String spaced = phrase.toLowerCase(Locale.ROOT).replaceAll("([0-9])", " $1 ");
        return List.of(spaced.split("[^a-z0-9']+")).stream()
                .filter(word -> !word.isBlank())
                .map(word -> word.length() == 1 && Character.isDigit(word.charAt(0)) ? DIGITS[word.charAt(0) - '0'] : word)
                .collect(Collectors.joining(" "));
    }
}
