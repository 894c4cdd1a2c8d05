package dev.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.fakes.twilio.MediaStreamCaller;
import dev.switchboard.fakes.twilio.StreamInstruction;
import dev.switchboard.fakes.twilio.TwilioRestFake;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.Calls;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With a Twilio account configured (the REST fake): outbound calls are placed through the Calls API with
 * answering-machine detection and the tenant's concurrency limit, a machine answering is recorded as voicemail, and
 * a caller asking for a person is transferred to the human number by redirecting the live call to {@code <Dial>}.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwilioAccountCallsTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);
    private final TwilioRestFake twilio = TwilioRestFake.start(PhoneCaller.ACCOUNT, PhoneCaller.TOKEN);

    @Autowired TestApi api;
    @Autowired TenantFixtures fixtures;
    @Autowired TenantsFolder folder;
    @Autowired Tenants tenants;
    @Autowired TenantSecrets secrets;
    @Autowired Calls calls;
    @Autowired dev.switchboard.voice.store.CallTranscripts transcripts;

    @BeforeAll
    void twilioAccount() throws Exception {
        String yaml = folder.read("acme", "tenant.yaml").replace("    enabled: true\n    maxConcurrentOutbound: 5\n",
                "    enabled: true\n    maxConcurrentOutbound: 2\n    humanNumber: \"+34910000099\"\n    twilio:\n      accountSid: "
                        + PhoneCaller.ACCOUNT + "\n      baseUrl: " + twilio.baseUrl() + "\n");
        folder.write("acme", "tenant.yaml", yaml);
        TenantScope.run(ACME, () -> secrets.store(ACME, "twilio_auth_token", PhoneCaller.TOKEN, null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!tenants.find(ACME).orElseThrow().document().toString().contains(twilio.baseUrl().toString())) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterAll
    void restore() {
        folder.restore("acme");
        twilio.close();
    }

    @Test
    void outboundCallsAreDialledWithMachineDetectionWithinTheLimitAndAMachineIsAVoicemail() {
        endLiveOutboundCalls();
        String owner = fixtures.token(TenantFixtures.ACME_OWNER);
        Map<String, Object> body = new LinkedHashMap<>();
        String to = PhoneCaller.newNumber();
        body.put("to", to);
        body.put("campaign", "reminders-week-48");
        body.put("context", Map.of("name", "John", "reason", "visit reminder"));
        var placed = api.post("/api/v1/tenants/acme/calls", owner, body);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String sid = placed.json().path("callSid").asString();
        assertThat(sid).startsWith("CA");
        assertThat(placed.json().path("campaign").asString()).isEqualTo("reminders-week-48");
        TwilioRestFake.Received create = twilio.received().getLast();
        assertThat(create.first("To")).isEqualTo(to);
        assertThat(create.first("From")).isEqualTo("+34910000001");
        assertThat(create.first("MachineDetection")).isEqualTo("Enable");
        assertThat(create.first("Url")).endsWith("/webhooks/twilio/acme/voice");
        assertThat(create.form().get("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");

        assertThat(api.post("/api/v1/tenants/acme/calls", owner, Map.of("to", PhoneCaller.newNumber())).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/tenants/acme/calls", owner, Map.of("to", PhoneCaller.newNumber())).status())
                .as("the tenant's limit of 2 live outbound calls").isEqualTo(429);
        assertThat(api.post("/api/v1/tenants/acme/calls", fixtures.token(TenantFixtures.ACME_AGENT), Map.of("to", PhoneCaller.newNumber()))
                .status()).as("agents may not place calls").isEqualTo(403);

        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        Map<String, String> answered = phone.driver.incomingCall(sid, "+34910000001", to);
        answered.put("Direction", "outbound-api");
        answered.put("CallStatus", "in-progress");
        answered.put("AnsweredBy", "machine_start");
        StreamInstruction twiml = phone.driver.dial(answered);
        assertThat(twiml.connects()).isFalse();
        assertThat(twiml.twiml()).contains("<Hangup/>");
        assertThat(phone.driver.statusCallback(sid, "completed", 4, 7)).isEqualTo(204);
        CallRecord call = TenantScope.call(ACME, () -> calls.findBySid(sid)).orElseThrow();
        assertThat(call.outcome()).isEqualTo("voicemail");
        assertThat(call.answeredBy()).isEqualTo("machine_start");
        assertThat(call.context().path("reason").asString()).isEqualTo("visit reminder");
    }

    /** Earlier runs may have left outbound calls nobody ended (the test database can outlive a run). */
    private void endLiveOutboundCalls() {
        TenantScope.run(ACME, () -> calls.list(new dev.switchboard.voice.store.CallQuery("outbound", null, null, null, null,
                null, null, null, null, 200)).stream().filter(c -> !c.ended())
                .forEach(c -> calls.end(c.id(), "failed", "left by an earlier test run", 0)));
    }

    @Test
    void aCallerAskingForAPersonIsTransferredToTheHumanNumber() throws Exception {
        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        MediaStreamCaller call = phone.answer(phone.ring(PhoneCaller.newNumber()));
        twilio.callIsLive(phone.callSid);
        assertThat(call.awaitAgentQuiet(Duration.ofMillis(1500), Duration.ofSeconds(30))).isTrue();
        call.say(PhoneCaller.speech("I want to talk to a person"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<TwilioRestFake.Received> updates = List.of();
        while (updates.isEmpty() && System.nanoTime() < deadline) {
            updates = twilio.received().stream().filter(r -> r.path().endsWith("/Calls/" + phone.callSid + ".json")).toList();
            Thread.sleep(100);
        }
        assertThat(updates).as(() -> "a REST update of the live call; " + PhoneCaller.transcript(calls, transcripts, phone.callSid))
                .hasSize(1);
        assertThat(updates.getFirst().first("Twiml")).contains("<Dial>+34910000099</Dial>");
        call.hangUp();
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        CallRecord record = null;
        while (System.nanoTime() < until && (record == null || !record.ended())) {
            record = TenantScope.call(ACME, () -> calls.findBySid(phone.callSid)).orElseThrow();
            Thread.sleep(100);
        }
        assertThat(record.outcome()).isEqualTo("transferred");
    }
}
