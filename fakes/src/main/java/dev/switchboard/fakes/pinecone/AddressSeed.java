package dev.switchboard.fakes.pinecone;

import dev.switchboard.fakes.http.Json;

import java.util.List;

/**
 * Canonical addresses loaded into namespace {@value #NAMESPACE}, embedded from their full address text with
 * {@link TrigramEmbedder}, so normalize_address can be tried offline: embed the customer's text the same way and
 * query this namespace with {@code includeMetadata: true}; metadata carries the canonical parts.
 */
public final class AddressSeed {

    public static final String NAMESPACE = "addresses";

    private record Address(String id, String street, String number, String postalCode, String city, String country,
                           double latitude, double longitude) {
        String full() {
            return street + ", " + number + ", " + postalCode + " " + city + ", " + country;
        }
    }

    private static final List<Address> ADDRESSES = List.of(
            new Address("addr-madrid-mayor-1", "Calle Mayor", "1", "28013", "Madrid", "Spain", 40.4155, -3.7074),
            new Address("addr-madrid-alcala-42", "Calle de Alcalá", "42", "28014", "Madrid", "Spain", 40.4189, -3.6967),
            new Address("addr-madrid-gran-via-28", "Gran Vía", "28", "28013", "Madrid", "Spain", 40.4203, -3.7046),
            new Address("addr-madrid-castellana-81", "Paseo de la Castellana", "81", "28046", "Madrid", "Spain",
                    40.4478, -3.6916),
            new Address("addr-madrid-serrano-15", "Calle de Serrano", "15", "28001", "Madrid", "Spain", 40.4229,
                    -3.6880),
            new Address("addr-madrid-atocha-100", "Calle de Atocha", "100", "28012", "Madrid", "Spain", 40.4110,
                    -3.6950),
            new Address("addr-bcn-diagonal-640", "Avinguda Diagonal", "640", "08017", "Barcelona", "Spain", 41.3917,
                    2.1345),
            new Address("addr-bcn-rambla-91", "La Rambla", "91", "08001", "Barcelona", "Spain", 41.3818, 2.1716),
            new Address("addr-vlc-colon-20", "Carrer de Colón", "20", "46004", "Valencia", "Spain", 39.4700, -0.3720),
            new Address("addr-sev-sierpes-5", "Calle Sierpes", "5", "41004", "Seville", "Spain", 37.3925, -5.9950));

    private AddressSeed() {
    }

    static void load(VectorIndex index) {
        for (var address : ADDRESSES) {
            var metadata = Json.object().put("address", address.full()).put("street", address.street())
                    .put("number", address.number()).put("postal_code", address.postalCode())
                    .put("city", address.city()).put("country", address.country())
                    .put("lat", address.latitude()).put("lng", address.longitude());
            index.upsertText(NAMESPACE, address.id(), address.full(), metadata);
        }
    }
}
