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

    /**
     * A caller number no earlier run used: the test database may outlive a run, and a number seen before would
     * continue that run's conversation.
     */
    static String newNumber() {
        return "+3469" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
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

    /** The call's transcript so far, for assertion messages. */
    static String transcript(dev.switchboard.voice.store.Calls calls, dev.switchboard.voice.store.CallTranscripts transcripts,
                             String callSid) {
        java.util.UUID acme = dev.switchboard.TenantFixtures.tenantId(dev.switchboard.TenantFixtures.ACME);
        return dev.switchboard.shared.TenantScope.call(acme, () -> calls.findBySid(callSid)
                .map(c -> transcripts.transcript(c.id()).stream().map(l -> l.role() + ": " + l.text()).toList().toString())
                .orElse("no call"));
    }

    static Map<String, String> noParameters() {
        return Map.of();
    }
}
