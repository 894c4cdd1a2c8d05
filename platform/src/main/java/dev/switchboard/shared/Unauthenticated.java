package dev.switchboard.shared;

/** The credentials presented do not identify anyone; answered 401 without saying which part was wrong. */
public class Unauthenticated extends RuntimeException {

    public Unauthenticated(String message) {
        super(message);
    }
}
