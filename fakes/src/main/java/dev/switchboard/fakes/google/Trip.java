package dev.switchboard.fakes.google;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/** The parameters shared by every element of one matrix, and how one origin-destination element is computed. */
record Trip(TravelMode mode, Optional<Instant> departure, String trafficModel, TextFormat format) {

    ObjectNode element(Optional<Place> origin, Optional<Place> destination) {
        if (origin.isEmpty() || destination.isEmpty()) {
            return Json.object().put("status", "NOT_FOUND");
        }
        var from = origin.get();
        var to = destination.get();
        if (from.landmass() != null && to.landmass() != null && !Objects.equals(from.landmass(), to.landmass())) {
            return Json.object().put("status", "ZERO_RESULTS");
        }
        long metres = mode.roadMetres(from.metresTo(to));
        long seconds = mode.seconds(metres);
        var element = Json.object();
        element.set("distance", Json.object().put("text", format.distance(metres)).put("value", metres));
        element.set("duration", Json.object().put("text", format.duration(seconds)).put("value", seconds));
        if (mode == TravelMode.DRIVING && departure.isPresent()) {
            long inTraffic = Math.round(seconds * trafficFactor(departure.get()));
            element.set("duration_in_traffic", Json.object().put("text", format.duration(inTraffic))
                    .put("value", inTraffic));
        }
        return element.put("status", "OK");
    }

    private double trafficFactor(Instant at) {
        double model = switch (trafficModel == null ? "best_guess" : trafficModel) {
            case "pessimistic" -> 1.2;
            case "optimistic" -> 0.9;
            default -> 1.0;
        };
        return TravelMode.trafficFactor(at.atZone(ZoneOffset.UTC).getHour()) * model;
    }
}
