package dev.switchboard.voice.pipeline.transport.twilio;

import java.util.Map;

/** A message from Twilio's side of a Media Stream. */
sealed interface TwilioEvent {

    record Connected(String protocol) implements TwilioEvent {
    }

    record Start(String streamSid, String callSid, String accountSid, Map<String, String> parameters)
            implements TwilioEvent {
    }

    record Media(String track, byte[] mulaw) implements TwilioEvent {
    }

    record Mark(String name) implements TwilioEvent {
    }

    record Dtmf(String digit) implements TwilioEvent {
    }

    record Stop() implements TwilioEvent {
    }

    record Unknown(String event) implements TwilioEvent {
    }
}
