package dev.switchboard.voice;

import dev.switchboard.fakes.twilio.MediaStreamCaller;
import dev.switchboard.fakes.twilio.StreamInstruction;
import dev.switchboard.fakes.twilio.VoiceWebhookDriver;
import dev.switchboard.voice.pipeline.tts.flite.FliteSynthesizer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** A test's phone: dials a tenant through the signed webhook and talks over the media stream with flite's voice. */
final class PhoneCaller {

    static final String ACCOUNT = "AC" + "0".repeat(31) + "1";
    static final String TOKEN = "test-twilio-auth-token";

    private static final FliteSynthesizer VOICE = new FliteSynthesizer("slt");

    final VoiceWebhookDriver driver;
    final String callSid = VoiceWebhookDriver.newCallSid();

    PhoneCaller(URI platform, String tenant) {
        this.driver = new VoiceWebhookDriver(platform, tenant, TOKEN, ACCOUNT);
    }

    StreamInstruction ring(String from) {
        return driver.dial(driver.incomingCall(callSid, from, "+34910000001"));
    }

    MediaStreamCaller answer(StreamInstruction twiml) {
        return MediaStreamCaller.connect(twiml.streamUrl(), callSid, ACCOUNT, twiml.parameters());
    }

    static byte[] speech(String text) {
        return VOICE.toMulaw8k(text);
    }

    /** Says {@code text} and waits for the agent to answer and fall silent. */
    static void say(MediaStreamCaller call, String text) throws InterruptedException {
        call.say(speech(text));
        call.awaitSpoken(Duration.ofSeconds(20));
        if (!call.awaitAgentQuiet(Duration.ofMillis(1200), Duration.ofSeconds(40))) {
            throw new AssertionError("the agent did not answer \"" + text + "\" within 40 s");
        }
    }

    static Map<String, String> noParameters() {
        return Map.of();
    }
}
