package dev.switchboard.agent.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Which of the options the flow offered a customer's answer points at: the id of a tapped choice; an ordinal
 * ("el primero", "la segunda", "the third one", "the last", "2", "option 2"); or the values they mention, compared
 * with what each option fills in ("el jueves por la tarde" against each option's date and window). Returns the
 * positions that fit: one is a pick, several need narrowing, none means the answer was about something else.
 */
final class OptionPicker {

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("primero", 1), Map.entry("primera", 1), Map.entry("primer", 1), Map.entry("first", 1),
            Map.entry("segundo", 2), Map.entry("segunda", 2), Map.entry("second", 2),
            Map.entry("tercero", 3), Map.entry("tercera", 3), Map.entry("tercer", 3), Map.entry("third", 3),
            Map.entry("cuarto", 4), Map.entry("cuarta", 4), Map.entry("fourth", 4),
            Map.entry("quinto", 5), Map.entry("quinta", 5), Map.entry("fifth", 5));
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("uno", 1), Map.entry("una", 1), Map.entry("one", 1), Map.entry("dos", 2), Map.entry("two", 2),
            Map.entry("tres", 3), Map.entry("three", 3), Map.entry("cuatro", 4), Map.entry("four", 4),
            Map.entry("cinco", 5), Map.entry("five", 5));
    private static final Pattern NUMBERED = Pattern.compile("\\b(?:opcion|option|numero|number)\\s+(\\w+)\\b");
    private static final Pattern DIGIT_ORDINAL = Pattern.compile("^(?:el |la |the )?(\\d{1,2})(?:st|nd|rd|th|o|a)?(?: one| opcion| option)?$");

    private OptionPicker() {
    }

    /**
     * @param options   the offered options, each with {@code id} and {@code fill} (slot name to value)
     * @param mentioned slot values read from the answer, for the slots the options fill
     */
    static List<Integer> pick(List<JsonNode> options, Utterance said, Map<String, String> mentioned) {
        for (int i = 0; i < options.size(); i++) {
            if (said.choiceId() != null && said.choiceId().equals(options.get(i).path("id").asString())) {
                return List.of(i);
            }
        }
        String plain = IntentMatcher.normalize(said.text() == null ? "" : said.text());
        Integer position = ordinal(plain, options.size());
        if (position != null) {
            return List.of(position - 1);
        }
        return mentioned.isEmpty() ? List.of() : fitting(options, mentioned);
    }

    /** 1-based, or null when the answer names no position among {@code count}. */
    static Integer ordinal(String plain, int count) {
        String padded = " " + plain + " ";
        if (padded.contains(" ultimo ") || padded.contains(" ultima ") || padded.contains(" last ")) {
            return count;
        }
        for (var entry : ORDINALS.entrySet()) {
            if (padded.contains(" " + entry.getKey() + " ")) {
                return within(entry.getValue(), count);
            }
        }
        Matcher numbered = NUMBERED.matcher(plain);
        if (numbered.find()) {
            return within(number(numbered.group(1)), count);
        }
        Matcher digits = DIGIT_ORDINAL.matcher(plain);
        if (digits.matches()) {
            return within(Integer.parseInt(digits.group(1)), count);
        }
        String word = plain.replaceFirst("^(?:el|la|the) ", "");
        return NUMBERS.containsKey(word) ? within(NUMBERS.get(word), count) : null;
    }

    private static List<Integer> fitting(List<JsonNode> options, Map<String, String> mentioned) {
        List<Integer> fit = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode fill = options.get(i).path("fill");
            if (mentioned.entrySet().stream().allMatch(m -> m.getValue().equals(fill.path(m.getKey()).asString(null)))) {
                fit.add(i);
            }
        }
        return fit;
    }

    private static Integer number(String word) {
        if (word.matches("\\d{1,2}")) {
            return Integer.parseInt(word);
        }
        return NUMBERS.get(word);
    }

    private static Integer within(Integer position, int count) {
        return position != null && position >= 1 && position <= count ? position : null;
    }
}
