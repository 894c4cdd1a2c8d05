package dev.switchboard.voice.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * When a voice agent answers, in the tenant's time zone, and what happens outside those hours: a message, a
 * voicemail, or a transfer. No hours at all means always available.
 */
public record Availability(Map<DayOfWeek, List<Window>> hours, Outside outside, Map<String, String> message,
                           String transferTo) {

    public enum Outside { MESSAGE, VOICEMAIL, TRANSFER }

    public record Window(LocalTime from, LocalTime to) {
        boolean contains(LocalTime time) {
            return !time.isBefore(from) && (to.equals(LocalTime.MIDNIGHT) || time.isBefore(to));
        }
    }

    public static final Availability ALWAYS = new Availability(Map.of(), Outside.MESSAGE, Map.of(), null);

    static Availability parse(JsonNode node) {
        Map<DayOfWeek, List<Window>> hours = new EnumMap<>(DayOfWeek.class);
        node.path("hours").properties().forEach(day -> {
            List<Window> windows = new ArrayList<>();
            day.getValue().forEach(range -> {
                String[] parts = range.asString().split("-");
                LocalTime to = parts[1].equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(parts[1]);
                windows.add(new Window(LocalTime.parse(parts[0]), to));
            });
            hours.put(dayOf(day.getKey()), List.copyOf(windows));
        });
        Outside outside = Outside.valueOf(node.path("outside").asString("message").toUpperCase(Locale.ROOT));
        return new Availability(Map.copyOf(hours), outside, VoiceAgent.texts(node.path("message")),
                node.path("transferTo").asString(null));
    }

    public boolean openAt(ZonedDateTime now, ZoneId zone) {
        if (hours.isEmpty()) {
            return true;
        }
        ZonedDateTime local = now.withZoneSameInstant(zone);
        return hours.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(w -> w.contains(local.toLocalTime()));
    }

    private static DayOfWeek dayOf(String key) {
        return switch (key) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }
}
