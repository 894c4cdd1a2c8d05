package dev.switchboard.fakes.acme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The business's records, as its API exposes them. */
final class AcmeModel {

    private AcmeModel() {
    }

    record Address(String id, String street, String city, String postalCode, double lat, double lng) {
        String text() {
            return street + ", " + postalCode + " " + city;
        }
    }

    record Customer(String id, String name, String document, String documentType, String phone, String language,
                    List<Address> addresses) {
    }

    record Technician(String id, String name, String badge, String phone, double lat, double lng) {
    }

    record Service(String id, Map<String, String> name) {
    }

    enum Window { morning, afternoon }

    enum Status { scheduled, confirmed, cancelled, completed }

    /** Mutable fields are replaced whole under the data's lock; readers get consistent snapshots. */
    static final class Appointment {
        final String id;
        final String customerId;
        final String addressId;
        final List<String> serviceIds;
        final String technicianId;
        LocalDate date;
        Window window;
        Status status;
        String cancelReason;

        Appointment(String id, String customerId, String addressId, List<String> serviceIds, String technicianId,
                    LocalDate date, Window window, Status status) {
            this.id = id;
            this.customerId = customerId;
            this.addressId = addressId;
            this.serviceIds = List.copyOf(serviceIds);
            this.technicianId = technicianId;
            this.date = date;
            this.window = window;
            this.status = status;
        }
    }
}
