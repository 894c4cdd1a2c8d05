package dev.switchboard.fakes.acme;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Travel times and address matching for the offline demo: what Google's Distance Matrix and a Pinecone
 * address index answer when the tenant has keys. Distances are great-circle times a road factor; addresses
 * are matched by character-trigram similarity against the streets Acme serves.
 */
final class AcmeGeography {

    private static final double ROAD_FACTOR = 1.35;
    private static final double CITY_SPEED_KMH = 24;

    record Place(String address, double lat, double lng) {
    }

    private final List<Place> gazetteer;

    AcmeGeography(List<Place> places) {
        this.gazetteer = List.copyOf(places);
    }

    static AcmeGeography from(AcmeData data) {
        List<Place> places = new ArrayList<>();
        data.customers.values().forEach(c -> c.addresses().forEach(a -> places.add(new Place(a.text(), a.lat(), a.lng()))));
        places.add(new Place("Puerta del Sol, 28013 Madrid", 40.4169, -3.7035));
        places.add(new Place("Gran Vía 28, 28013 Madrid", 40.4200, -3.7025));
        places.add(new Place("Calle de Atocha 50, 28012 Madrid", 40.4120, -3.6990));
        places.add(new Place("Plaça de Catalunya, 08002 Barcelona", 41.3870, 2.1700));
        places.add(new Place("Passeig de Gràcia 92, 08008 Barcelona", 41.3950, 2.1610));
        return new AcmeGeography(places);
    }

    /** "lat,lng" or an address of the gazetteer (best match over a threshold). */
    Optional<Place> locate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(",");
        if (parts.length == 2) {
            try {
                return Optional.of(new Place(text, Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())));
            } catch (NumberFormatException ignored) {
                // not coordinates: an address
            }
        }
        return match(text, 1).stream().filter(m -> m.score() >= 0.35).findFirst().map(Match::place);
    }

    record Match(Place place, double score) {
    }

    List<Match> match(String query, int limit) {
        Set<String> q = trigrams(query);
        return gazetteer.stream().map(p -> new Match(p, jaccard(q, trigrams(p.address()))))
                .sorted(Comparator.comparingDouble(Match::score).reversed()).limit(limit).toList();
    }

    static long meters(Place from, Place to) {
        double r = 6_371_000;
        double dLat = Math.toRadians(to.lat() - from.lat());
        double dLng = Math.toRadians(to.lng() - from.lng());
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(from.lat()))
                * Math.cos(Math.toRadians(to.lat())) * Math.pow(Math.sin(dLng / 2), 2);
        return Math.round(2 * r * Math.asin(Math.sqrt(a)) * ROAD_FACTOR);
    }

    static long seconds(long meters) {
        return Math.round(meters / (CITY_SPEED_KMH * 1000 / 3600.0)) + 120;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return union.isEmpty() ? 0 : (double) both.size() / union.size();
    }

    private static Set<String> trigrams(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", " ").strip();
        Set<String> grams = new HashSet<>();
        String padded = "  " + plain + " ";
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }

    static Map<String, Object> view(Place place) {
        return Map.of("address", place.address(), "lat", place.lat(), "lng", place.lng());
    }
}
