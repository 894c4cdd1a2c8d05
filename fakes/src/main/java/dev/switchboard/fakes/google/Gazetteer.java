package dev.switchboard.fakes.google;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves an origin or destination as the API would geocode it: "lat,lng", or a known address matched without
 * regard to case, accents or punctuation (exactly, by alias, or as the leading part of a formatted address, so
 * "madrid" finds "Madrid, Spain"). Tests may add places.
 */
public final class Gazetteer {

    private static final Pattern COORDINATES = Pattern.compile("\\s*(-?\\d{1,2}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");
    private static final double SAME_PLACE_METRES = 1_000;
    private static final double SAME_LANDMASS_METRES = 300_000;

    private final List<Place> places = new ArrayList<>();

    public static Gazetteer builtIn() {
        var gazetteer = new Gazetteer();
        List.of(
                Place.of("Puerta del Sol, 28013 Madrid, Spain", 40.416775, -3.703790, "Puerta del Sol", "Sol, Madrid"),
                Place.of("Madrid, Spain", 40.416800, -3.703800),
                Place.of("Adolfo Suárez Madrid-Barajas Airport (MAD), Madrid, Spain", 40.498300, -3.567600,
                        "Madrid Barajas Airport", "Barajas", "MAD"),
                Place.of("Estación de Atocha, Madrid, Spain", 40.406600, -3.689200, "Atocha", "Atocha Station"),
                Place.of("Estadio Santiago Bernabéu, Madrid, Spain", 40.453100, -3.688300, "Bernabeu"),
                Place.of("Toledo, Spain", 39.862800, -4.027300),
                Place.of("Barcelona, Spain", 41.387400, 2.168600),
                Place.of("Sagrada Família, Barcelona, Spain", 41.403600, 2.174400, "Sagrada Familia"),
                Place.of("Valencia, Spain", 39.469900, -0.376300),
                Place.of("Seville, Spain", 37.389100, -5.984500, "Sevilla"),
                Place.of("Bilbao, Spain", 43.263000, -2.935000),
                Place.of("Málaga, Spain", 36.721300, -4.421400),
                Place.of("Zaragoza, Spain", 41.648800, -0.889100),
                Place.of("Lisbon, Portugal", 38.722300, -9.139300, "Lisboa"),
                Place.of("Paris, France", 48.856600, 2.352200),
                Place.of("London, UK", 51.507400, -0.127800),
                Place.of("Palma, Balearic Islands, Spain", 39.569600, 2.650200, "Palma de Mallorca")
                        .onLandmass("mallorca"),
                Place.of("Las Palmas de Gran Canaria, Spain", 28.123500, -15.436300, "Las Palmas")
                        .onLandmass("gran-canaria"),
                Place.of("New York, NY, USA", 40.712800, -74.006000, "New York", "NYC").onLandmass("north-america")
        ).forEach(gazetteer::add);
        return gazetteer;
    }

    public synchronized Gazetteer add(Place place) {
        places.add(place);
        return this;
    }

    public synchronized Optional<Place> resolve(String input) {
        var coordinates = COORDINATES.matcher(input);
        if (coordinates.matches()) {
            return atCoordinates(Double.parseDouble(coordinates.group(1)), Double.parseDouble(coordinates.group(2)));
        }
        var key = normalise(input);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return places.stream().filter(p -> normalise(p.formattedAddress()).equals(key)
                        || p.aliases().stream().anyMatch(a -> normalise(a).equals(key))).findFirst()
                .or(() -> places.stream().filter(p -> normalise(p.formattedAddress()).startsWith(key + " "))
                        .findFirst());
    }

    /** A coordinate pair: named after a known place within a kilometre, on the landmass of one within 300 km. */
    private Optional<Place> atCoordinates(double latitude, double longitude) {
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            return Optional.empty();
        }
        var point = new Place(String.format(Locale.ROOT, "%.6f,%.6f", latitude, longitude), latitude, longitude,
                null, List.of());
        var nearest = places.stream().min(Comparator.comparingDouble(point::metresTo));
        var address = nearest.filter(p -> p.metresTo(point) <= SAME_PLACE_METRES).map(Place::formattedAddress)
                .orElse(point.formattedAddress());
        var landmass = nearest.filter(p -> p.metresTo(point) <= SAME_LANDMASS_METRES).map(Place::landmass)
                .orElse(null);
        return Optional.of(new Place(address, latitude, longitude, landmass, List.of()));
    }

    static String normalise(String text) {
        var plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
