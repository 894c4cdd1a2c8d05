package dev.switchboard.whatsapp.cloudapi;

import java.time.Duration;
import java.util.Set;

/**
 * A Graph API call failed: Meta's error (HTTP status, code, title, details) or a transport failure. The split into
 * retriable and final is made here, once, from Meta's codes.
 */
public class GraphRequestFailed extends RuntimeException {

    /** Throughput (130429), pair rate (131056), temporary unavailability and app-level throttling. */
    private static final Set<Integer> RETRIABLE = Set.of(130429, 131056, 131000, 131016, 1, 2, 4, 80007, 133004);

    private final int httpStatus;
    private final int code;
    private final String title;
    private final String details;

    public GraphRequestFailed(int httpStatus, int code, String title, String details) {
        super("(#" + code + ") " + title + (details == null || details.isBlank() ? "" : ": " + details));
        this.httpStatus = httpStatus;
        this.code = code;
        this.title = title;
        this.details = details;
    }

    /** The request never reached Meta (connection refused, DNS): always safe to repeat. */
    static GraphRequestFailed unreachable(String what) {
        return new GraphRequestFailed(0, -1, "Graph API unreachable", what);
    }

    /** Sent, but no answer in time: Meta may have accepted it, so only status webhooks can tell. */
    static GraphRequestFailed timedOut(String what) {
        return new GraphRequestFailed(0, -2, "Graph API did not answer in time", what);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String details() {
        return details;
    }

    public boolean retriable() {
        return RETRIABLE.contains(code) || code == -1 || httpStatus == 429 || httpStatus >= 500;
    }

    /** Meta asks for about six seconds between messages to one recipient after a pair rate limit. */
    public Duration minimumBackoff() {
        return code == 131056 ? Duration.ofSeconds(6) : Duration.ZERO;
    }
}
