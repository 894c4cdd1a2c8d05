package dev.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.fakes.twilio.MediaStreamCaller;
import dev.switchboard.fakes.twilio.StreamInstruction;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.Calls;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The voice edge refuses what is not Twilio's: unsigned or mis-signed webhooks, and media streams without their
 * own call's valid token (closed before any audio is processed); status callbacks apply once and never backwards.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceEdgeSecurityTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);

    @Autowired TestApi api;
    @Autowired TenantSecrets secrets;
    @Autowired Calls calls;

    @BeforeAll
    void twilioToken() {
        TenantScope.run(ACME, () -> secrets.store(ACME, "twilio_auth_token", PhoneCaller.TOKEN, null));
    }

    @Test
    void aWebhookSignedWithAnotherTokenIsRefusedAndCreatesNoCall() {
        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        StreamInstruction answer = phone.driver.dialSignedWith("not-the-tenants-token",
                phone.driver.incomingCall(phone.callSid, PhoneCaller.newNumber(), "+34910000001"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.connects()).isFalse();
        assertThat(TenantScope.call(ACME, () -> calls.findBySid(phone.callSid))).isEmpty();
    }

    @Test
    void aWebhookWithoutSignatureIsRefused() {
        var response = api.request("POST", "/webhooks/twilio/acme/voice")
                .body(java.net.http.HttpRequest.BodyPublishers.ofString("CallSid=CA1&From=%2B1&To=%2B2"),
                        "application/x-www-form-urlencoded").send();
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void aStreamWithoutAToken_withAForgedOne_orWithAnotherCallsIsClosedBeforeAnyAudio() throws Exception {
        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        StreamInstruction twiml = phone.ring(PhoneCaller.newNumber());
        String genuine = twiml.parameters().get("token");
        String forged = genuine.substring(0, genuine.indexOf('.') + 1) + "AAAA" + genuine.substring(genuine.indexOf('.') + 5);
        PhoneCaller other = new PhoneCaller(api.baseUrl(), "acme");
        other.ring(PhoneCaller.newNumber());

        for (Map<String, String> parameters : java.util.List.of(Map.<String, String>of(), Map.of("token", forged),
                Map.of("token", "garbage"))) {
            try (MediaStreamCaller stream = MediaStreamCaller.connect(twiml.streamUrl(), phone.callSid, PhoneCaller.ACCOUNT, parameters)) {
                assertThat(stream.awaitClosedByPlatform(Duration.ofSeconds(5))).isEqualTo(1008);
            }
        }
        try (MediaStreamCaller stream = MediaStreamCaller.connect(twiml.streamUrl(), other.callSid, PhoneCaller.ACCOUNT,
                Map.of("token", genuine))) {
            assertThat(stream.awaitClosedByPlatform(Duration.ofSeconds(5))).as("another call's token").isEqualTo(1008);
        }
        CallRecord call = TenantScope.call(ACME, () -> calls.findBySid(phone.callSid)).orElseThrow();
        assertThat(call.answeredAt()).as("no stream was ever accepted for the call").isNull();
        assertThat(TenantScope.call(ACME, () -> calls.findBySid(other.callSid)).orElseThrow().answeredAt()).isNull();
    }

    @Test
    void duplicateAndLateStatusCallbacksChangeNothing() {
        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        phone.ring(PhoneCaller.newNumber());
        assertThat(phone.driver.statusCallback(phone.callSid, "completed", 3, 42)).isEqualTo(204);
        CallRecord first = TenantScope.call(ACME, () -> calls.findBySid(phone.callSid)).orElseThrow();
        assertThat(first.status()).isEqualTo("completed");
        assertThat(first.outcome()).isEqualTo("completed");
        assertThat(first.durationSeconds()).isEqualTo(42);
        assertThat(first.billableMinutes()).isEqualTo(1);

        assertThat(phone.driver.statusCallback(phone.callSid, "completed", 3, 42)).isEqualTo(204);
        assertThat(phone.driver.statusCallback(phone.callSid, "ringing", 1, null)).isEqualTo(204);
        assertThat(phone.driver.statusCallback(phone.callSid, "no-answer", 4, 0)).isEqualTo(204);
        CallRecord after = TenantScope.call(ACME, () -> calls.findBySid(phone.callSid)).orElseThrow();
        assertThat(after.status()).isEqualTo("completed");
        assertThat(after.outcome()).isEqualTo("completed");
        assertThat(after.durationSeconds()).isEqualTo(42);
        assertThat(after.endedAt()).isEqualTo(first.endedAt());
    }
}
