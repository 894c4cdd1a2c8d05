package dev.switchboard.fakes.acme;

import dev.switchboard.fakes.acme.AcmeModel.Appointment;
import dev.switchboard.fakes.acme.AcmeModel.Customer;
import dev.switchboard.fakes.acme.AcmeModel.Status;
import dev.switchboard.fakes.acme.AcmeModel.Window;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** What each route of the business API does. A visit is only reachable through its own customer's path. */
final class AcmeRoutes {

    private static final Pattern CUSTOMER = Pattern.compile("^/v1/customers/([A-Z0-9-]+)$");
    private static final Pattern APPOINTMENTS = Pattern.compile("^/v1/customers/([A-Z0-9-]+)/appointments$");
    private static final Pattern APPOINTMENT = Pattern.compile(
            "^/v1/customers/([A-Z0-9-]+)/appointments/([A-Za-z0-9-]+)(/operator|/confirm|/cancel|/reschedule)?$");

    record Request(String method, String path, Map<String, String> query, JsonNode body, String lang) {
    }

    /** {@code body} is a JSON-able value, or the detail text of an error. */
    record Response(int status, Object body) {
        static Response ok(Object body) {
            return new Response(200, body);
        }

        static Response error(int status, String detail) {
            return new Response(status, detail);
        }
    }

    private final AcmeData data;
    private final AcmeViews views;
    private final AcmeGeography geography;

    AcmeRoutes(AcmeData data, AcmeViews views, AcmeGeography geography) {
        this.data = data;
        this.views = views;
        this.geography = geography;
    }

    synchronized Response route(Request r) {
        if (r.method().equals("POST") && r.path().equals("/v1/identity/validate")) {
            return validate(r.body().path("document").asString(""));
        }
        if (r.method().equals("GET") && r.path().equals("/v1/travel-time")) {
            return travelTime(r.query().get("origin"), r.query().get("destination"));
        }
        if (r.method().equals("GET") && r.path().equals("/v1/addresses/normalize")) {
            return normalize(r.query().getOrDefault("q", ""));
        }
        if (r.method().equals("GET") && r.path().equals("/v1/availability")) {
            return Response.ok(Map.of("slots", freeSlots("T-01", LocalDate.parse(r.query().getOrDefault("from",
                    data.today.toString())), null, r.lang())));
        }
        Matcher m = CUSTOMER.matcher(r.path());
        if (m.matches() && r.method().equals("GET")) {
            return Optional.ofNullable(data.customers.get(m.group(1))).map(c -> Response.ok(customer(c)))
                    .orElse(Response.error(404, "no such customer"));
        }
        m = APPOINTMENTS.matcher(r.path());
        if (m.matches() && r.method().equals("GET")) {
            if (!data.customers.containsKey(m.group(1))) {
                return Response.error(404, "no such customer");
            }
            boolean upcoming = "upcoming".equals(r.query().get("status"));
            return Response.ok(Map.of("appointments", data.appointmentsOf(m.group(1), upcoming).stream()
                    .map(a -> views.appointment(a, r.lang())).toList()));
        }
        m = APPOINTMENT.matcher(r.path());
        if (m.matches()) {
            Appointment a = data.appointments.get(m.group(2));
            if (a == null || !a.customerId.equals(m.group(1))) {
                return Response.error(404, "no such appointment for this customer");
            }
            return appointmentAction(a, m.group(3) == null ? "" : m.group(3), r);
        }
        return Response.error(404, "no such route: " + r.method() + " " + r.path());
    }

    private Response validate(String raw) {
        Optional<String> document = AcmeData.normalizeDocument(raw);
        if (document.isEmpty()) {
            return Response.ok(Map.of("valid", false, "reason", "invalid_format"));
        }
        return data.customerByDocument(document.get())
                .map(c -> Response.ok(Map.of("valid", true, "customer", Map.of("id", c.id(), "name", c.name(),
                        "language", c.language(), "documentType", c.documentType()))))
                .orElse(Response.ok(Map.of("valid", false, "reason", "not_found")));
    }

    private Response appointmentAction(Appointment a, String action, Request r) {
        switch (action) {
            case "" -> {
                return Response.ok(views.appointment(a, r.lang()));
            }
            case "/operator" -> {
                return Response.ok(Map.of("appointmentId", a.id, "technician", views.technician(data.technicians.get(a.technicianId))));
            }
            case "/confirm" -> {
                if (a.status == Status.cancelled || a.status == Status.completed) {
                    return Response.error(409, "the visit is " + a.status + " and cannot be confirmed");
                }
                a.status = Status.confirmed;
                return Response.ok(views.appointment(a, r.lang()));
            }
            case "/cancel" -> {
                if (a.status == Status.completed) {
                    return Response.error(409, "the visit already took place");
                }
                a.status = Status.cancelled;
                a.cancelReason = r.body().path("reason").asString(null);
                return Response.ok(views.appointment(a, r.lang()));
            }
            case "/reschedule" -> {
                return reschedule(a, r);
            }
            default -> {
                return Response.error(404, "no such action");
            }
        }
    }

    private Response reschedule(Appointment a, Request r) {
        LocalDate date;
        Window window;
        try {
            date = LocalDate.parse(r.body().path("date").asString(""));
            window = Window.valueOf(r.body().path("window").asString(""));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Response.error(422, "date must be YYYY-MM-DD and window morning or afternoon");
        }
        if (date.isBefore(data.today) || date.isAfter(data.today.plusDays(60))) {
            return Response.error(422, "the new date must be within the next 60 days");
        }
        if (a.status == Status.cancelled || a.status == Status.completed) {
            return Response.error(409, "the visit is " + a.status + " and cannot be moved");
        }
        if (!data.slotFree(a.technicianId, date, window, a.id)) {
            return Response.ok(Map.of("rescheduled", false, "freeSlots", freeSlots(a.technicianId, date, a.id, r.lang())));
        }
        a.date = date;
        a.window = window;
        a.status = Status.scheduled;
        Map<String, Object> view = new LinkedHashMap<>(views.appointment(a, r.lang()));
        view.put("rescheduled", true);
        return Response.ok(view);
    }

    private List<Map<String, Object>> freeSlots(String technicianId, LocalDate from, String except, String lang) {
        List<Map<String, Object>> slots = new ArrayList<>();
        for (LocalDate d = from.isBefore(data.today) ? data.today : from; slots.size() < 4; d = d.plusDays(1)) {
            for (Window w : Window.values()) {
                if (slots.size() < 4 && data.slotFree(technicianId, d, w, except)) {
                    slots.add(views.slot(d, w, lang));
                }
            }
        }
        return slots;
    }

    private Response travelTime(String origin, String destination) {
        var from = geography.locate(origin);
        var to = geography.locate(destination);
        if (from.isEmpty() || to.isEmpty()) {
            return Response.error(422, "origin and destination must be 'lat,lng' or a known address");
        }
        long meters = AcmeGeography.meters(from.get(), to.get());
        long seconds = AcmeGeography.seconds(meters);
        return Response.ok(Map.of("origin", from.get().address(), "destination", to.get().address(),
                "distanceMeters", meters, "durationSeconds", seconds, "minutes", Math.max(1, Math.round(seconds / 60.0))));
    }

    private Response normalize(String query) {
        if (query.isBlank()) {
            return Response.error(422, "q is required");
        }
        return Response.ok(Map.of("matches", geography.match(query, 3).stream()
                .map(m -> Map.of("address", m.place().address(), "score", Math.round(m.score() * 1000) / 1000.0,
                        "lat", m.place().lat(), "lng", m.place().lng())).toList()));
    }

    private static Map<String, Object> customer(Customer c) {
        return Map.of("id", c.id(), "name", c.name(), "language", c.language(), "documentType", c.documentType(),
                "addresses", c.addresses().stream().map(a -> Map.of("id", a.id(), "address", a.text())).toList());
    }
}
