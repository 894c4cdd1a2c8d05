package dev.switchboard.voice.pipeline.frames;

import java.util.Map;

/**
 * The far end identified the call: ids and the custom parameters it was opened with (for Twilio, the
 * {@code <Parameter>}s of the TwiML {@code <Stream>}).
 */
public record CallStartedFrame(String callId, String streamId, Map<String, String> parameters) implements SystemFrame {

    public CallStartedFrame {
        parameters = Map.copyOf(parameters);
    }
}
