package dev.switchboard.fakes.google;

import java.util.Locale;
import java.util.Optional;

/**
 * Route length and time per mode: road distance is the great-circle distance times a detour factor; driving is
 * slow for the first 10 km (city) and fast after (motorway); transit adds a fixed wait.
 */
enum TravelMode {
    DRIVING(1.30, 30, 90, 0),
    WALKING(1.20, 5, 5, 0),
    BICYCLING(1.25, 15, 15, 0),
    TRANSIT(1.35, 25, 60, 300);

    private static final double CITY_METRES = 10_000;

    private final double detour;
    private final double cityKmh;
    private final double openRoadKmh;
    private final int waitSeconds;

    TravelMode(double detour, double cityKmh, double openRoadKmh, int waitSeconds) {
        this.detour = detour;
        this.cityKmh = cityKmh;
        this.openRoadKmh = openRoadKmh;
        this.waitSeconds = waitSeconds;
    }

    static Optional<TravelMode> parse(String mode) {
        if (mode == null || mode.isBlank()) {
            return Optional.of(DRIVING);
        }
        try {
            return Optional.of(valueOf(mode.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    long roadMetres(double greatCircleMetres) {
        return Math.round(greatCircleMetres * detour);
    }

    long seconds(long roadMetres) {
        double city = Math.min(roadMetres, CITY_METRES);
        double open = Math.max(0, roadMetres - CITY_METRES);
        double hours = city / 1000 / cityKmh + open / 1000 / openRoadKmh;
        return roadMetres == 0 ? 0 : Math.round(hours * 3600) + waitSeconds;
    }

    /** How much traffic stretches a drive leaving at {@code hourUtc} (rush hours worst, nights best). */
    static double trafficFactor(int hourUtc) {
        if ((hourUtc >= 7 && hourUtc < 10) || (hourUtc >= 17 && hourUtc < 20)) {
            return 1.45;
        }
        if (hourUtc >= 22 || hourUtc < 6) {
            return 0.95;
        }
        return 1.15;
    }
}
