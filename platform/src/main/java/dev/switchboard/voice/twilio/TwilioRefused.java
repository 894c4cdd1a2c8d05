package dev.switchboard.voice.twilio;

/** Twilio's REST API answered with an error (its code and message are kept, never the credentials). */
class TwilioRefused extends RuntimeException {

    private final int status;

    TwilioRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
