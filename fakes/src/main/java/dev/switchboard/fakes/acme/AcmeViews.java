package dev.switchboard.fakes.acme;

import dev.switchboard.fakes.acme.AcmeModel.Address;
import dev.switchboard.fakes.acme.AcmeModel.Appointment;
import dev.switchboard.fakes.acme.AcmeModel.Technician;
import dev.switchboard.fakes.acme.AcmeModel.Window;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON views of the records, with human texts in the caller's language (Accept-Language es or en), so the
 * tenant's formatters can render them without date or list logic of their own.
 */
final class AcmeViews {

    private final AcmeData data;

    AcmeViews(AcmeData data) {
        this.data = data;
    }

    Map<String, Object> appointment(Appointment a, String lang) {
        Address address = data.address(a);
        Technician technician = data.technicians.get(a.technicianId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", a.id);
        view.put("date", a.date.toString());
        view.put("window", a.window.name());
        view.put("status", a.status.name());
        view.put("dateText", dateText(a.date, lang));
        view.put("windowText", windowText(a.window, lang));
        view.put("statusText", statusText(a.status, lang));
        view.put("services", a.serviceIds.stream().map(id -> Map.of("id", id, "name", data.services.get(id).name().get(lang))).toList());
        view.put("servicesText", String.join(lang.equals("es") ? " y " : " and ",
                a.serviceIds.stream().map(id -> data.services.get(id).name().get(lang)).toList()));
        view.put("address", address.text());
        view.put("location", Map.of("lat", address.lat(), "lng", address.lng()));
        view.put("technician", technician(technician));
        return view;
    }

    Map<String, Object> technician(Technician t) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", t.id());
        view.put("name", t.name());
        view.put("badge", t.badge());
        view.put("position", Map.of("lat", t.lat(), "lng", t.lng()));
        return view;
    }

    Map<String, Object> slot(LocalDate date, Window window, String lang) {
        return Map.of("date", date.toString(), "window", window.name(), "dateText", dateText(date, lang),
                "windowText", windowText(window, lang));
    }

    static String dateText(LocalDate date, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        return lang.equals("es")
                ? weekday + " " + date.getDayOfMonth() + " de " + date.getMonth().getDisplayName(TextStyle.FULL, locale)
                : weekday + ", " + date.format(DateTimeFormatter.ofPattern("MMMM d", locale));
    }

    static String windowText(Window window, String lang) {
        return switch (window) {
            case morning -> lang.equals("es") ? "mañana (8:00-14:00)" : "morning (8am-2pm)";
            case afternoon -> lang.equals("es") ? "tarde (14:00-20:00)" : "afternoon (2pm-8pm)";
        };
    }

    static String statusText(AcmeModel.Status status, String lang) {
        return switch (status) {
            case scheduled -> lang.equals("es") ? "pendiente de confirmar" : "waiting for confirmation";
            case confirmed -> lang.equals("es") ? "confirmada" : "confirmed";
            case cancelled -> lang.equals("es") ? "cancelada" : "cancelled";
            case completed -> lang.equals("es") ? "realizada" : "completed";
        };
    }

    static List<String> languages() {
        return List.of("es", "en");
    }
}
