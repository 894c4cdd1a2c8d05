package dev.switchboard.fakes.google;

import java.util.Locale;

/** The human-readable {@code text} of distances and durations, in English or Spanish, metric or imperial. */
record TextFormat(boolean spanish, boolean imperial) {

    static TextFormat of(String language, String units) {
        return new TextFormat(language != null && language.toLowerCase(Locale.ROOT).startsWith("es"),
                "imperial".equalsIgnoreCase(units));
    }

    String distance(long metres) {
        if (imperial) {
            double miles = metres / 1609.344;
            return miles < 0.1 ? Math.round(metres * 3.28084) + " ft" : decimal(miles) + " mi";
        }
        return metres < 1000 ? Math.max(1, metres) + " m" : decimal(metres / 1000.0) + " km";
    }

    String duration(long seconds) {
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return join(unit(days, "day", "days", "día", "días"), hours > 0 ? unit(hours, "hour", "hours", "h", "h")
                    : "");
        }
        if (hours > 0) {
            return join(unit(hours, "hour", "hours", "h", "h"), mins > 0 ? unit(mins, "min", "mins", "min", "min")
                    : "");
        }
        return unit(mins, "min", "mins", "min", "min");
    }

    /** One decimal below 100, none above, with the language's decimal separator. */
    private String decimal(double value) {
        var text = value >= 100 ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
        return spanish ? text.replace('.', ',') : text;
    }

    private String unit(long count, String one, String many, String spanishOne, String spanishMany) {
        return count + " " + (spanish ? (count == 1 ? spanishOne : spanishMany) : (count == 1 ? one : many));
    }

    private static String join(String first, String second) {
        return second.isEmpty() ? first : first + " " + second;
    }
}
