package dev.switchboard.agent.flow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a slot's value out of what the customer wrote, by the slot's kind: {@code pattern} (a regular
 * expression, first group), {@code date} (ISO, day/month[/year], today, tomorrow, a weekday; in Spanish too),
 * {@code choice} (synonyms per value) and {@code yesno}.
 */
final class SlotValues {

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("lunes", DayOfWeek.MONDAY), Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("viernes", DayOfWeek.FRIDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY));
    private static final List<String> YES = List.of("si", "vale", "claro", "confirmo", "correcto", "de acuerdo", "adelante",
            "yes", "yeah", "yep", "sure", "ok", "okay", "confirm", "go ahead", "please do");
    private static final List<String> NO = List.of("no", "nope", "mejor no", "dejalo", "not", "don't", "dont");

    private SlotValues() {
    }

    static Optional<String> extract(JsonNode slot, String text, LocalDate today) {
        String plain = IntentMatcher.normalize(text);
        return switch (slot.path("kind").asString("pattern")) {
            case "date" -> date(text, plain, today).map(LocalDate::toString);
            case "choice" -> choice(slot.path("choices"), plain);
            case "yesno" -> yesNo(plain).map(String::valueOf);
            default -> pattern(slot.path("pattern").asString(null), text);
        };
    }

    static Optional<Boolean> yesNo(String plain) {
        String padded = " " + plain + " ";
        if (NO.stream().anyMatch(w -> padded.contains(" " + w + " "))) {
            return Optional.of(false);
        }
        return YES.stream().anyMatch(w -> padded.contains(" " + w + " ")) ? Optional.of(true) : Optional.empty();
    }

    private static Optional<String> pattern(String regex, String text) {
        if (regex == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Optional.of((m.groupCount() > 0 ? m.group(1) : m.group()).toUpperCase()) : Optional.empty();
    }

    private static Optional<String> choice(JsonNode choices, String plain) {
        String padded = " " + plain + " ";
        return choices.properties().stream()
                .flatMap(e -> e.getValue().valueStream().map(s -> Map.entry(e.getKey(), IntentMatcher.normalize(s.asString()))))
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                .filter(e -> padded.contains(" " + e.getValue() + " ")).map(Map.Entry::getKey).findFirst();
    }

    private static Optional<LocalDate> date(String text, String plain, LocalDate today) {
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            return parse(iso.group());
        }
        Matcher dm = DAY_MONTH.matcher(text);
        if (dm.find()) {
            int year = dm.group(3) == null ? today.getYear() : Integer.parseInt(dm.group(3)) % 100 + (dm.group(3).length() == 2 ? 2000 : 0);
            year = dm.group(3) != null && dm.group(3).length() == 4 ? Integer.parseInt(dm.group(3)) : year;
            try {
                LocalDate date = LocalDate.of(year, Integer.parseInt(dm.group(2)), Integer.parseInt(dm.group(1)));
                return Optional.of(dm.group(3) == null && date.isBefore(today) ? date.plusYears(1) : date);
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        String padded = " " + plain + " ";
        if (padded.contains(" pasado manana ") || padded.contains(" day after tomorrow ")) {
            return Optional.of(today.plusDays(2));
        }
        if (padded.matches(".* (?<!la |de la )manana .*") && !padded.contains(" por la manana ") && !padded.contains(" de la manana ")
                || padded.contains(" tomorrow ")) {
            return Optional.of(today.plusDays(1));
        }
        if (padded.contains(" hoy ") || padded.contains(" today ")) {
            return Optional.of(today);
        }
        return WEEKDAYS.entrySet().stream().filter(e -> padded.contains(" " + e.getKey() + " ")).findFirst()
                .map(e -> today.with(TemporalAdjusters.next(e.getValue())));
    }

    private static Optional<LocalDate> parse(String iso) {
        try {
            return Optional.of(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
