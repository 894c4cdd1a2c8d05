package dev.switchboard.voice.pipeline.transport.twilio;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Media Streams wire format, both directions. Inbound messages become {@link TwilioEvent}s; outbound ones are
 * built here, so nothing outside this package sees Twilio's JSON.
 */
final class TwilioMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Decoder BASE64_IN = Base64.getDecoder();
    private static final Base64.Encoder BASE64_OUT = Base64.getEncoder();

    private TwilioMessages() {
    }

    static TwilioEvent parse(String text) {
        JsonNode message = JSON.readTree(text);
        String event = message.path("event").asString("");
        return switch (event) {
            case "connected" -> new TwilioEvent.Connected(message.path("protocol").asString(""));
            case "start" -> start(message.path("start"));
            case "media" -> media(message.path("media"));
            case "mark" -> new TwilioEvent.Mark(message.path("mark").path("name").asString(""));
            case "dtmf" -> new TwilioEvent.Dtmf(message.path("dtmf").path("digit").asString(""));
            case "stop" -> new TwilioEvent.Stop();
            default -> new TwilioEvent.Unknown(event);
        };
    }

    static String media(String streamSid, byte[] mulaw) {
        ObjectNode message = envelope("media", streamSid);
        message.putObject("media").put("payload", BASE64_OUT.encodeToString(mulaw));
        return message.toString();
    }

    static String mark(String streamSid, String name) {
        ObjectNode message = envelope("mark", streamSid);
        message.putObject("mark").put("name", name);
        return message.toString();
    }

    static String clear(String streamSid) {
        return envelope("clear", streamSid).toString();
    }

    private static ObjectNode envelope(String event, String streamSid) {
        ObjectNode message = JSON.createObjectNode();
        message.put("event", event);
        message.put("streamSid", streamSid);
        return message;
    }

    private static TwilioEvent start(JsonNode start) {
        Map<String, String> parameters = new LinkedHashMap<>();
        start.path("customParameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asString("")));
        return new TwilioEvent.Start(start.path("streamSid").asString(""), start.path("callSid").asString(""),
                start.path("accountSid").asString(""), parameters);
    }

    private static TwilioEvent media(JsonNode media) {
        String track = media.path("track").asString("inbound");
        byte[] payload = BASE64_IN.decode(media.path("payload").asString(""));
        return new TwilioEvent.Media(track, payload);
    }
}
