package dev.switchboard.voice.pipeline.transport.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TwilioMessagesTest {

    private static final byte[] AUDIO = {(byte) 0xFF, 0x7F, 0x00, 0x10, (byte) 0x80};
    private static final String PAYLOAD = Base64.getEncoder().encodeToString(AUDIO);

    @Test
    void aMediaMessageIsReadWhateverTheOrderOfItsFields() {
        String asTwilioSendsIt = """
                {"event":"media","sequenceNumber":"4","media":{"track":"inbound","chunk":"2","timestamp":"5",\
                "payload":"%s"},"streamSid":"MZ18ad3ab5a668481ce02b83e7395059f0"}""".formatted(PAYLOAD);
        String reordered = """
                { "streamSid": "MZ1", "media": { "payload": "%s", "extra": {"nested": [1, 2]}, "track": "outbound" },
                  "sequenceNumber": "9", "event": "media" }""".formatted(PAYLOAD);

        assertThat(TwilioMessages.parse(asTwilioSendsIt)).isInstanceOfSatisfying(TwilioEvent.Media.class, m -> {
            assertThat(m.track()).isEqualTo("inbound");
            assertThat(m.mulaw()).containsExactly(AUDIO);
        });
        assertThat(TwilioMessages.parse(reordered)).isInstanceOfSatisfying(TwilioEvent.Media.class, m -> {
            assertThat(m.track()).isEqualTo("outbound");
            assertThat(m.mulaw()).containsExactly(AUDIO);
        });
    }

    @Test
    void otherEventsAndBrokenMessagesTakeTheFullParser() {
        String start = """
                {"event":"start","start":{"streamSid":"MZ1","callSid":"CA1","accountSid":"AC1",\
                "customParameters":{"token":"t"}}}""";
        String markAfterAMediaLookalike = """
                {"media":{"payload":"%s"},"event":"mark","mark":{"name":"m-1"}}""".formatted(PAYLOAD);

        assertThat(TwilioMessages.parse(start)).isInstanceOf(TwilioEvent.Start.class);
        assertThat(TwilioMessages.parse(markAfterAMediaLookalike)).isEqualTo(new TwilioEvent.Mark("m-1"));
        assertThat(TwilioMessages.parse("{\"media\":{\"payload\":\"" + PAYLOAD + "\"}}")).isInstanceOf(TwilioEvent.Unknown.class);
        assertThatThrownBy(() -> TwilioMessages.parse("{\"event\":\"media\",\"media\":{\"payload\":")).isNotNull();
    }

    @Test
    void anOutboundMediaMessageIsValidJsonAndEscapesAnUnusualStreamId() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode plain = json.readTree(TwilioMessages.media("MZ18ad3ab5", AUDIO));
        JsonNode odd = json.readTree(TwilioMessages.media("MZ\"},\"event\":\"clear", AUDIO));

        assertThat(plain.path("event").asString()).isEqualTo("media");
        assertThat(plain.path("streamSid").asString()).isEqualTo("MZ18ad3ab5");
        assertThat(Base64.getDecoder().decode(plain.path("media").path("payload").asString())).containsExactly(AUDIO);
        assertThat(odd.path("event").asString()).isEqualTo("media");
        assertThat(odd.path("streamSid").asString()).isEqualTo("MZ\"},\"event\":\"clear");
    }
}
