package dev.switchboard.fakes.twilio;

import java.net.URI;
import java.util.Map;

/** What the platform's TwiML asked for: the {@code <Connect><Stream>} URL and its parameters, or the raw TwiML. */
public record StreamInstruction(int status, String twiml, URI streamUrl, Map<String, String> parameters) {

    public boolean connects() {
        return streamUrl != null;
    }
}
