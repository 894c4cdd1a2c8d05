package dev.switchboard.webchat.socket;

/** A widget frame that is not valid JSON of protocol {@code webchat.v1}. */
class MalformedFrame extends RuntimeException {

    MalformedFrame(String message) {
        super(message);
    }
}
