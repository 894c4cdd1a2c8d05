package dev.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TestApi;
import dev.switchboard.TenantsFolder;
import dev.switchboard.fakes.anthropic.AnthropicFake;
import dev.switchboard.fakes.anthropic.AnthropicOptions;
import dev.switchboard.fakes.llm.Turn;
import dev.switchboard.fakes.twilio.MediaStreamCaller;
import dev.switchboard.fakes.twilio.StreamInstruction;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.CallTranscripts;
import dev.switchboard.voice.store.Calls;
import dev.switchboard.voice.store.TranscriptLine;
import dev.switchboard.voice.store.TurnLatency;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whole calls with the demo tenant's agent on the fake Anthropic API: a signed webhook, TwiML with a call token,
 * real speech synthesised by flite and streamed as 20 ms mu-law frames in real time through Silero VAD and
 * pocketsphinx, the agent's tools against the demo business API, and flite speaking back.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneCallTest {

    private final AnthropicFake anthropic = AnthropicFake.start(AnthropicOptions.defaults().withApiKey("sk-test"));

    @Autowired TestApi api;
    @Autowired dev.switchboard.TenantFixtures fixtures;
    @Autowired TenantsFolder folder;
    @Autowired Tenants tenants;
    @Autowired TenantSecrets secrets;
    @Autowired Calls calls;
    @Autowired CallTranscripts transcripts;

    @BeforeAll
    void pointAcmeAtTheFake() throws Exception {
        AcmeOnTheFakeModel.point(folder, tenants, secrets, anthropic);
    }

    @AfterAll
    void restore() {
        AcmeOnTheFakeModel.restore(folder, secrets);
        anthropic.close();
    }

    @BeforeEach
    void reset() {
        anthropic.reset();
    }

    @Test
    void theAgentConfirmsAVisitWithToolsMidCallThenEndsTheCall() throws Exception {
        anthropic.enqueue(Turn.text("Sure. What is your document number?"));
        anthropic.enqueue(Turn.text("Let me check.").andToolCall("validate_document", "{\"document\":\"X1234567L\"}")
                .andToolCall("get_appointment", "{}"));
        anthropic.enqueue(Turn.toolCall("confirm_services", "{\"appointment_id\":\"A-5002\"}"));
        anthropic.enqueue(Turn.text("John, your visit is confirmed. Anything else?"));
        anthropic.enqueue(Turn.text("Goodbye, and thank you for calling!").andToolCall("end_call", "{}"));
        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        StreamInstruction twiml = phone.ring(PhoneCaller.newNumber());
        assertThat(twiml.connects()).as(twiml.twiml()).isTrue();

        MediaStreamCaller call = phone.answer(twiml);
        assertThat(call.awaitAgentQuiet(Duration.ofMillis(800), Duration.ofSeconds(30))).as("greeting").isTrue();
        PhoneCaller.say(call, "I want to confirm my visit");
        PhoneCaller.say(call, "my document is x one two three four five six seven l");
        call.say(PhoneCaller.speech("goodbye"));
        assertThat(call.awaitClosedByPlatform(Duration.ofSeconds(30))).as(() -> "hang-up; " + transcriptOf(phone.callSid))
                .isNotEqualTo(-1);

        CallRecord record = awaitEnded(phone.callSid);
        assertThat(record.outcome()).isEqualTo("completed");
        assertThat(anthropic.requests().get(1).messages().toString()).contains("X1234567L").contains("call direction: inbound");
        assertThat(anthropic.requests().getFirst().system().toString()).contains("phone call");
        assertThat(anthropic.requests().getFirst().toolNames()).contains("end_call", "confirm_services")
                .doesNotContain("end_conversation", "normalize_address");
        List<TranscriptLine> transcript = TenantScope.call(AcmeOnTheFakeModel.ACME, () -> transcripts.transcript(record.id()));
        assertThat(transcript).extracting(TranscriptLine::role).contains("caller", "agent", "tool");
        assertThat(transcript).filteredOn(l -> l.role().equals("tool")).extracting(TranscriptLine::text)
                .contains("validate_document", "get_appointment", "confirm_services", "end_call");
        assertThat(transcript).filteredOn(l -> l.text().equals("confirm_services")).first().satisfies(l -> {
            assertThat(l.detail().path("arguments").path("appointment_id").asString()).isEqualTo("A-5002");
            assertThat(l.detail().path("status").asString()).isEqualTo("ok");
        });
        assertThat(transcript).filteredOn(l -> l.role().equals("agent")).extracting(TranscriptLine::text)
                .contains("Let me check. John, your visit is confirmed. Anything else?", "Goodbye, and thank you for calling!");
        List<TurnLatency> turns = TenantScope.call(AcmeOnTheFakeModel.ACME, () -> transcripts.turns(record.id()));
        assertThat(turns).hasSize(3).allSatisfy(t -> {
            assertThat(t.firstAudioMs()).isNotNull();
            assertThat(t.llmFirstTokenMs()).isNotNull();
            assertThat(t.ttsFirstAudioMs()).isNotNull();
        });
        assertStereoWav(record);
        String agent = fixtures.token(dev.switchboard.TenantFixtures.ACME_AGENT);
        var head = api.request("GET", "/api/v1/tenants/acme/calls/" + record.id() + "/recording").bearer(agent)
                .header("Range", "bytes=0-43").send();
        assertThat(head.status()).isEqualTo(206);
        assertThat(head.header("Content-Range")).isEqualTo("bytes 0-43/" + record.recordingBytes());
        assertThat(head.body()).startsWith("RIFF");
        var detail = api.get("/api/v1/tenants/acme/calls/" + record.id(), agent);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().path("turns")).hasSize(3);
        assertThat(detail.json().path("latency").path("call").path("first_audio_p50").isNumber()).isTrue();
    }

    @Test
    void aCallerWhoBargesInCutsTheAnswerAndIsHeard() throws Exception {
        anthropic.enqueue(Turn.text("Of course. Your visit is on Wednesday in the morning, between eight and two. "
                + "The technician will be Marta Ruiz, who will bring everything needed for the plumbing repair. "
                + "She usually calls about thirty minutes before arriving, so please keep your phone at hand. "
                + "If you need anything else, you can always call us again on this number."));
        anthropic.enqueue(Turn.text("All right, no problem."));
        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        MediaStreamCaller call = phone.answer(phone.ring(PhoneCaller.newNumber()));
        assertThat(call.awaitAgentQuiet(Duration.ofMillis(800), Duration.ofSeconds(30))).isTrue();
        call.say(PhoneCaller.speech("I want to confirm my visit"));
        call.awaitSpoken(Duration.ofSeconds(10));
        awaitAgentSpeaking(call, Duration.ofSeconds(20));
        Thread.sleep(1500);
        call.say(PhoneCaller.speech("I want to cancel my visit"));
        call.awaitSpoken(Duration.ofSeconds(10));
        assertThat(call.awaitAgentQuiet(Duration.ofMillis(1200), Duration.ofSeconds(30))).isTrue();
        call.hangUp();

        assertThat(call.clears()).isGreaterThanOrEqualTo(1);
        assertThat(call.timings().clears()).isNotEmpty();
        CallRecord record = awaitEnded(phone.callSid);
        List<TranscriptLine> transcript = TenantScope.call(AcmeOnTheFakeModel.ACME, () -> transcripts.transcript(record.id()));
        TranscriptLine cut = transcript.stream().filter(TranscriptLine::interrupted).findFirst().orElseThrow(
                () -> new AssertionError("no interrupted agent line in " + transcript));
        assertThat(cut.text()).startsWith("Of course.").doesNotContain("call us again");
        assertThat(transcript).extracting(TranscriptLine::text).contains("All right, no problem.");
    }

    @Test
    void aStalledModelGetsAHoldingPhraseThenAnApologyAndTheCallGoesOn() throws Exception {
        anthropic.enqueue(Turn.text("This answer never comes.").stalling());
        anthropic.enqueue(Turn.text("I'm back. How can I help?"));
        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        MediaStreamCaller call = phone.answer(phone.ring(PhoneCaller.newNumber()));
        assertThat(call.awaitAgentQuiet(Duration.ofMillis(800), Duration.ofSeconds(30))).isTrue();
        call.say(PhoneCaller.speech("I want to confirm my visit"));
        call.awaitSpoken(Duration.ofSeconds(10));
        awaitTranscript(phone.callSid, "Sorry", Duration.ofSeconds(25));
        assertThat(call.awaitAgentQuiet(Duration.ofMillis(1000), Duration.ofSeconds(20))).isTrue();
        PhoneCaller.say(call, "I want to cancel my visit");
        call.hangUp();

        CallRecord record = awaitEnded(phone.callSid);
        List<TranscriptLine> transcript = TenantScope.call(AcmeOnTheFakeModel.ACME, () -> transcripts.transcript(record.id()));
        assertThat(transcript).filteredOn(l -> l.role().equals("agent")).extracting(TranscriptLine::text)
                .anySatisfy(text -> assertThat(text).contains("One moment").contains("Sorry"))
                .contains("I'm back. How can I help?");
    }

    private void awaitAgentSpeaking(MediaStreamCaller call, Duration timeout) throws InterruptedException {
        int before = call.heardAudio().length;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (call.heardAudio().length < before + 8000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void awaitTranscript(String callSid, String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (transcriptOf(callSid).contains(fragment)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no \"" + fragment + "\" in " + transcriptOf(callSid));
    }

    private String transcriptOf(String callSid) {
        return TenantScope.call(AcmeOnTheFakeModel.ACME, () -> calls.findBySid(callSid).map(c -> transcripts.transcript(c.id()).stream()
                .map(l -> l.role() + ": " + l.text()).toList().toString()).orElse("no call"));
    }

    private CallRecord awaitEnded(String callSid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var call = TenantScope.call(AcmeOnTheFakeModel.ACME, () -> calls.findBySid(callSid));
            if (call.isPresent() && call.get().ended() && call.get().recordingKey() != null) {
                return call.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the call did not end");
    }

    private void assertStereoWav(CallRecord record) throws Exception {
        Path file = folder.root().getParent().resolve("home/recordings").resolve(record.recordingKey());
        byte[] wav = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(wav, 0, 44).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(header.getInt(40)).as("data size").isEqualTo(wav.length - 44);
        assertThat(wav.length).isGreaterThan(44 + 8000 * 4 * 5);
        assertThat(record.recordingBytes()).isEqualTo((long) wav.length);
    }
}
