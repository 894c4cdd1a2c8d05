package dev.switchboard.voice.pipeline.llm;

import java.util.Map;

/** The call a turn belongs to: the telephony ids and the custom parameters the stream was opened with. */
public record CallContext(String callId, String streamId, Map<String, String> parameters) {

    public static final CallContext UNKNOWN = new CallContext("", "", Map.of());

    public CallContext {
        parameters = Map.copyOf(parameters);
    }
}
