package dev.switchboard.fakes.pinecone;

import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Pinecone's metadata filter language: {@code {"field": value}} (equality), {@code $eq $ne $gt $gte $lt $lte
 * $in $nin $exists}, and {@code $and}/{@code $or} over sub-filters. A list-valued field matches when any element
 * does. An unknown operator is a 400, as at the real service.
 */
final class MetadataFilter {

    static final class InvalidFilter extends RuntimeException {
        InvalidFilter(String message) {
            super(message);
        }
    }

    private MetadataFilter() {
    }

    private static final Set<String> OPERATORS = Set.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin",
            "$exists");

    /** Rejects a malformed filter up front, as the service does, even when no record would reach it. */
    static void validate(JsonNode filter) {
        if (filter == null || filter.isMissingNode() || filter.isNull()) {
            return;
        }
        if (!filter.isObject()) {
            throw new InvalidFilter("filter must be an object");
        }
        for (Map.Entry<String, JsonNode> clause : filter.properties()) {
            if (clause.getKey().equals("$and") || clause.getKey().equals("$or")) {
                clause.getValue().valueStream().forEach(MetadataFilter::validate);
            } else if (clause.getKey().startsWith("$")) {
                throw new InvalidFilter("unknown filter operator " + clause.getKey());
            } else if (clause.getValue().isObject()) {
                clause.getValue().propertyNames().forEach(MetadataFilter::validateOperator);
            }
        }
    }

    private static void validateOperator(String name) {
        if (!OPERATORS.contains(name)) {
            throw new InvalidFilter("unknown filter operator " + name);
        }
    }

    static boolean matches(JsonNode filter, JsonNode metadata) {
        if (filter == null || filter.isMissingNode() || filter.isNull() || filter.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, JsonNode> clause : filter.properties()) {
            if (!clause(clause.getKey(), clause.getValue(), metadata)) {
                return false;
            }
        }
        return true;
    }

    private static boolean clause(String key, JsonNode condition, JsonNode metadata) {
        return switch (key) {
            case "$and" -> condition.valueStream().allMatch(sub -> matches(sub, metadata));
            case "$or" -> condition.valueStream().anyMatch(sub -> matches(sub, metadata));
            default -> field(metadata.path(key), condition);
        };
    }

    private static boolean field(JsonNode value, JsonNode condition) {
        if (!condition.isObject()) {
            return anyEquals(value, condition);
        }
        for (Map.Entry<String, JsonNode> operator : condition.properties()) {
            if (!operator(operator.getKey(), value, operator.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean operator(String name, JsonNode value, JsonNode operand) {
        return switch (name) {
            case "$eq" -> anyEquals(value, operand);
            case "$ne" -> !value.isMissingNode() && !anyEquals(value, operand);
            case "$gt" -> range(value, operand, c -> c > 0);
            case "$gte" -> range(value, operand, c -> c >= 0);
            case "$lt" -> range(value, operand, c -> c < 0);
            case "$lte" -> range(value, operand, c -> c <= 0);
            case "$in" -> operand.valueStream().anyMatch(o -> anyEquals(value, o));
            case "$nin" -> !value.isMissingNode() && operand.valueStream().noneMatch(o -> anyEquals(value, o));
            case "$exists" -> operand.asBoolean() != value.isMissingNode();
            default -> throw new InvalidFilter("unknown filter operator " + name);
        };
    }

    private static boolean anyEquals(JsonNode value, JsonNode operand) {
        if (value.isArray()) {
            return value.valueStream().anyMatch(v -> scalarEquals(v, operand));
        }
        return scalarEquals(value, operand);
    }

    private static boolean scalarEquals(JsonNode value, JsonNode operand) {
        if (value.isNumber() && operand.isNumber()) {
            return value.asDouble() == operand.asDouble();
        }
        return value.equals(operand);
    }

    /** A record whose field is missing or not numeric simply does not match a range clause. */
    private static boolean range(JsonNode value, JsonNode operand, IntPredicate accepts) {
        if (!operand.isNumber()) {
            throw new InvalidFilter("$gt, $gte, $lt and $lte take a number");
        }
        return value.isNumber() && accepts.test(Double.compare(value.asDouble(), operand.asDouble()));
    }
}
