package dev.switchboard.voice.pipeline.transport.twilio;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    private TwilioMessages() {
    }

    static TwilioEvent parse(String text) {
        TwilioEvent media = mediaOrNull(text);
        if (media != null) {
            return media;
        }
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

    /**
     * Fifty a second per call in each direction: written as text rather than through a JSON tree. A stream id
     * that is not plain letters and digits (Twilio's are "MZ" and hex) goes through the tree, which escapes it.
     */
    static String media(String streamSid, byte[] mulaw) {
        String payload = BASE64_OUT.encodeToString(mulaw);
        if (!PLAIN_ID.matcher(streamSid).matches()) {
            ObjectNode message = envelope("media", streamSid);
            message.putObject("media").put("payload", payload);
            return message.toString();
        }
        return new StringBuilder(64 + streamSid.length() + payload.length()).append("{\"event\":\"media\",\"streamSid\":\"")
                .append(streamSid).append("\",\"media\":{\"payload\":\"").append(payload).append("\"}}").toString();
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

    /**
     * A media message read with the streaming parser, without building a tree (it was the largest cost of a call's
     * inbound audio); null when the message is another event, which then takes the tree path. Field order is free.
     */
    private static TwilioEvent mediaOrNull(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            boolean media = false;
            String track = "inbound";
            String payload = "";
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("event")) {
                    if (!"media".equals(parser.getString())) {
                        return null;
                    }
                    media = true;
                } else if (name.equals("media") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = parser.currentName();
                        JsonToken fieldValue = parser.nextToken();
                        if (field.equals("track") && fieldValue == JsonToken.VALUE_STRING) {
                            track = parser.getString();
                        } else if (field.equals("payload") && fieldValue == JsonToken.VALUE_STRING) {
                            payload = parser.getString();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return media ? new TwilioEvent.Media(track, BASE64_IN.decode(payload)) : null;
        }
    }

    private static TwilioEvent media(JsonNode media) {
        String track = media.path("track").asString("inbound");
        byte[] payload = BASE64_IN.decode(media.path("payload").asString(""));
        return new TwilioEvent.Media(track, payload);
    }
}
