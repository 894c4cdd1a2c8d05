package dev.switchboard.shared;

/** The request is well-formed but clashes with the current state (someone else got there first). */
public class Conflict extends RuntimeException {

    private final String code;

    public Conflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
