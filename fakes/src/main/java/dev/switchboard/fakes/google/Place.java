package dev.switchboard.fakes.google;

import java.util.List;

/**
 * A place the fake can route to: its formatted address (what the API echoes back), coordinates, the landmass it is
 * on (no road route between different landmasses), and other names it answers to.
 */
public record Place(String formattedAddress, double latitude, double longitude, String landmass,
                    List<String> aliases) {

    private static final double EARTH_RADIUS_METRES = 6_371_000;

    public Place {
        aliases = List.copyOf(aliases);
    }

    public static Place of(String formattedAddress, double latitude, double longitude, String... aliases) {
        return new Place(formattedAddress, latitude, longitude, "europe", List.of(aliases));
    }

    public Place onLandmass(String value) {
        return new Place(formattedAddress, latitude, longitude, value, aliases);
    }

    /** Great-circle distance in metres (haversine). */
    public double metresTo(Place other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLng = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(a));
    }
}
