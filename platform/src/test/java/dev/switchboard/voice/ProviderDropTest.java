package dev.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TestApi;
import dev.switchboard.TenantsFolder;
import dev.switchboard.fakes.anthropic.AnthropicFake;
import dev.switchboard.fakes.anthropic.AnthropicOptions;
import dev.switchboard.fakes.deepgram.DeepgramSettings;
import dev.switchboard.fakes.deepgram.FakeDeepgram;
import dev.switchboard.fakes.elevenlabs.ElevenLabsSettings;
import dev.switchboard.fakes.elevenlabs.FakeElevenLabs;
import dev.switchboard.fakes.llm.Turn;
import dev.switchboard.fakes.twilio.MediaStreamCaller;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.voice.store.CallTranscripts;
import dev.switchboard.voice.store.Calls;
import dev.switchboard.voice.store.TranscriptLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A call on the live speech providers (their fakes) survives both connections dropping mid-call: Deepgram is
 * reconnected with the unconfirmed audio replayed, ElevenLabs is reopened with the unspoken text, and the caller
 * is still answered.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderDropTest {

    private final AnthropicFake anthropic = AnthropicFake.start(AnthropicOptions.defaults().withApiKey("sk-test"));
    private final FakeDeepgram deepgram = new FakeDeepgram(DeepgramSettings.scripted(List.of()).withApiKey("dg-test")
            .withRecognizer((audio, isFinal) -> "I want to confirm my visit"));
    private final FakeElevenLabs elevenLabs = new FakeElevenLabs(ElevenLabsSettings.withFlite().withApiKey("el-test"));

    @Autowired TestApi api;
    @Autowired TenantsFolder folder;
    @Autowired Tenants tenants;
    @Autowired TenantSecrets secrets;
    @Autowired Calls calls;
    @Autowired CallTranscripts transcripts;

    @BeforeAll
    void liveProviders() throws Exception {
        AcmeOnTheFakeModel.point(folder, tenants, secrets, anthropic);
        String yaml = folder.read("acme", "tenant.yaml")
                .replace("          provider: auto\n          model: nova-3\n",
                        "          provider: deepgram\n          model: nova-3\n          baseUrl: " + deepgram.baseUrl() + "\n")
                .replace("          provider: auto\n          model: eleven_flash_v2_5\n",
                        "          provider: elevenlabs\n          model: eleven_flash_v2_5\n          baseUrl: " + elevenLabs.baseUrl() + "\n");
        folder.write("acme", "tenant.yaml", yaml);
        TenantScope.run(AcmeOnTheFakeModel.ACME, () -> {
            secrets.store(AcmeOnTheFakeModel.ACME, "deepgram_api_key", "dg-test", null);
            secrets.store(AcmeOnTheFakeModel.ACME, "elevenlabs_api_key", "el-test", null);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!tenants.find(AcmeOnTheFakeModel.ACME).orElseThrow().document().toString().contains(elevenLabs.baseUrl().toString())) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterAll
    void restore() {
        TenantScope.run(AcmeOnTheFakeModel.ACME, () -> {
            secrets.delete(AcmeOnTheFakeModel.ACME, "deepgram_api_key");
            secrets.delete(AcmeOnTheFakeModel.ACME, "elevenlabs_api_key");
        });
        AcmeOnTheFakeModel.restore(folder, secrets);
        anthropic.close();
        deepgram.close();
        elevenLabs.close();
    }

    @Test
    void droppedSpeechConnectionsMidCallAreReopenedAndTheCallerIsStillAnswered() throws Exception {
        anthropic.enqueue(Turn.text("Sure. I can confirm it for you. I only need your document number first. "
                + "You can read it out digit by digit whenever you are ready."));
        anthropic.enqueue(Turn.text("Thanks, I still hear you fine."));
        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        MediaStreamCaller call = phone.answer(phone.ring(PhoneCaller.newNumber()));
        assertThat(call.awaitAgentQuiet(Duration.ofMillis(800), Duration.ofSeconds(30))).isTrue();
        call.say(PhoneCaller.speech("I want to confirm my visit"));
        call.awaitSpoken(Duration.ofSeconds(10));
        int before = call.heardAudio().length;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (call.heardAudio().length < before + 4000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        deepgram.dropConnections();
        elevenLabs.dropConnections();
        assertThat(call.awaitAgentQuiet(Duration.ofMillis(1000), Duration.ofSeconds(30))).isTrue();
        PhoneCaller.say(call, "I want to confirm my visit");
        assertThat(call.isOpen()).isTrue();
        call.hangUp();

        assertThat(deepgram.connectionCount()).isGreaterThanOrEqualTo(2);
        String sid = phone.callSid;
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<TranscriptLine> transcript = List.of();
        while (System.nanoTime() < until) {
            transcript = TenantScope.call(AcmeOnTheFakeModel.ACME, () -> calls.findBySid(sid)
                    .map(c -> transcripts.transcript(c.id())).orElse(List.of()));
            if (transcript.stream().anyMatch(l -> l.text().contains("I still hear you fine"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(transcript).filteredOn(l -> l.role().equals("caller")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(transcript).extracting(TranscriptLine::text).anySatisfy(t -> assertThat(t).contains("I still hear you fine"));
        assertThat(transcript).extracting(TranscriptLine::text).anySatisfy(t -> assertThat(t).contains("digit by digit"));
    }
}
