package dev.switchboard.shared;

import java.util.List;
import java.util.Map;

/** The caller sent something we refuse; {@link #fieldErrors()} names each offending field. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldError> fieldErrors;

    public InvalidRequest(String message) {
        this(message, List.of());
    }

    public InvalidRequest(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static InvalidRequest field(String field, String message) {
        return new InvalidRequest(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public record FieldError(String field, String message) {
        public Map<String, String> asMap() {
            return Map.of("field", field, "message", message);
        }
    }
}
