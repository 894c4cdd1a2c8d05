package dev.switchboard.shared;

/** The thing asked for does not exist for this caller; foreign ids answer exactly like unknown ones. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
