package dev.switchboard.fakes.acme;

import dev.switchboard.fakes.acme.AcmeModel.Address;
import dev.switchboard.fakes.acme.AcmeModel.Appointment;
import dev.switchboard.fakes.acme.AcmeModel.Customer;
import dev.switchboard.fakes.acme.AcmeModel.Service;
import dev.switchboard.fakes.acme.AcmeModel.Status;
import dev.switchboard.fakes.acme.AcmeModel.Technician;
import dev.switchboard.fakes.acme.AcmeModel.Window;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Acme's records, seeded relative to today so the demo always has upcoming visits. Documents carry valid
 * check letters (DNI/NIE), so the API can tell a mistyped document from an unknown one.
 */
final class AcmeData {

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    final Map<String, Customer> customers = new LinkedHashMap<>();
    final Map<String, Technician> technicians = new LinkedHashMap<>();
    final Map<String, Service> services = new LinkedHashMap<>();
    final Map<String, Appointment> appointments = new LinkedHashMap<>();
    final LocalDate today;

    AcmeData(Clock clock) {
        this.today = LocalDate.now(clock);
        seed();
    }

    private void seed() {
        service("S-PLUMB", "reparación de fontanería", "plumbing repair");
        service("S-LEAK", "detección de fugas", "leak detection");
        service("S-ELEC", "revisión eléctrica", "electrical inspection");
        service("S-WASHER", "reparación de lavadora", "washing machine repair");
        service("S-BOILER", "mantenimiento de caldera", "boiler maintenance");
        technician(new Technician("T-01", "Marta Ruiz", "ACM-4821", "+34600111222", 40.4300, -3.7000));
        technician(new Technician("T-02", "Javier Gómez", "ACM-5173", "+34600333444", 40.4010, -3.6900));
        technician(new Technician("T-03", "Lucía Fernández", "ACM-6390", "+34600555666", 41.3900, 2.1600));
        customer("C-1001", "María García López", "12345678Z", "DNI", "+34611000001", "es",
                new Address("D-1", "Calle de Alcalá 120, 3ºB", "Madrid", "28009", 40.4233, -3.6766));
        customer("C-1002", "John Smith", "X1234567L", "NIE", "+34611000002", "en",
                new Address("D-2", "Calle de Serrano 45", "Madrid", "28001", 40.4290, -3.6870));
        customer("C-1003", "Laura Martínez", "87654321X", "DNI", "+34611000003", "es",
                new Address("D-3", "Carrer de Mallorca 250", "Barcelona", "08008", 41.3940, 2.1620));
        customer("C-1004", "Emily Brown", "PAB123456", "PASSPORT", "+447700900004", "en",
                new Address("D-4", "Paseo de la Castellana 200", "Madrid", "28046", 40.4580, -3.6890));
        appointment("A-5001", "C-1001", "D-1", List.of("S-PLUMB", "S-LEAK"), "T-01", 1, Window.morning, Status.scheduled);
        appointment("A-5002", "C-1002", "D-2", List.of("S-WASHER"), "T-02", 0, Window.afternoon, Status.confirmed);
        appointment("A-5003", "C-1003", "D-3", List.of("S-ELEC"), "T-03", 2, Window.morning, Status.scheduled);
        appointment("A-5004", "C-1004", "D-4", List.of("S-BOILER"), "T-02", 3, Window.afternoon, Status.scheduled);
        appointment("A-4990", "C-1001", "D-1", List.of("S-BOILER"), "T-01", -20, Window.morning, Status.completed);
    }

    /** Uppercase, no spaces or dashes; empty when it is not a well-formed DNI, NIE or passport number. */
    static Optional<String> normalizeDocument(String raw) {
        String doc = raw == null ? "" : raw.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        if (doc.matches("[0-9]{8}[A-Z]")) {
            return checkLetter(doc.substring(0, 8), doc.charAt(8)) ? Optional.of(doc) : Optional.empty();
        }
        if (doc.matches("[XYZ][0-9]{7}[A-Z]")) {
            String digits = "XYZ".indexOf(doc.charAt(0)) + doc.substring(1, 8);
            return checkLetter(digits, doc.charAt(8)) ? Optional.of(doc) : Optional.empty();
        }
        return doc.matches("[A-Z]{3}[0-9]{6}") ? Optional.of(doc) : Optional.empty();
    }

    private static boolean checkLetter(String digits, char letter) {
        return DNI_LETTERS.charAt((int) (Long.parseLong(digits) % 23)) == letter;
    }

    Optional<Customer> customerByDocument(String document) {
        return customers.values().stream().filter(c -> c.document().equals(document)).findFirst();
    }

    List<Appointment> appointmentsOf(String customerId, boolean upcomingOnly) {
        List<Appointment> result = new ArrayList<>();
        for (Appointment a : appointments.values()) {
            boolean upcoming = !a.date.isBefore(today) && (a.status == Status.scheduled || a.status == Status.confirmed);
            if (a.customerId.equals(customerId) && (!upcomingOnly || upcoming)) {
                result.add(a);
            }
        }
        result.sort(java.util.Comparator.comparing((Appointment a) -> a.date).thenComparing(a -> a.window));
        return result;
    }

    /** A technician is free for a slot when none of their active visits occupies it. */
    boolean slotFree(String technicianId, LocalDate date, Window window, String exceptAppointment) {
        return appointments.values().stream().noneMatch(a -> a.technicianId.equals(technicianId)
                && !a.id.equals(exceptAppointment) && a.date.equals(date) && a.window == window
                && (a.status == Status.scheduled || a.status == Status.confirmed));
    }

    Address address(Appointment appointment) {
        return customers.get(appointment.customerId).addresses().stream()
                .filter(d -> d.id().equals(appointment.addressId)).findFirst().orElseThrow();
    }

    private void service(String id, String es, String en) {
        services.put(id, new Service(id, Map.of("es", es, "en", en)));
    }

    private void technician(Technician technician) {
        technicians.put(technician.id(), technician);
    }

    private void customer(String id, String name, String document, String type, String phone, String language, Address address) {
        customers.put(id, new Customer(id, name, document, type, phone, language, List.of(address)));
    }

    private void appointment(String id, String customer, String address, List<String> services, String technician,
                             int daysFromToday, Window window, Status status) {
        appointments.put(id, new Appointment(id, customer, address, services, technician,
                today.plusDays(daysFromToday), window, status));
    }
}
