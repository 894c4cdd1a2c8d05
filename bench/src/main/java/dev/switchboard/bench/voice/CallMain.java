package dev.switchboard.bench.voice;

import dev.switchboard.fakes.twilio.MediaStreamCaller;
import dev.switchboard.fakes.twilio.StreamInstruction;
import dev.switchboard.fakes.twilio.VoiceWebhookDriver;
import dev.switchboard.voice.pipeline.tts.flite.FliteSynthesizer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./switchboard call --tenant acme --say "I want to cancel my visit" [--say ...] [--url URL] [--out reply.wav]}:
 * rings a running platform exactly as Twilio would (signed webhook, then the media stream in real time), says each
 * line with flite's voice and waits for the agent's answer, then prints the call's transcript and latencies as the
 * platform recorded them, and saves what the agent said as a WAV.
 */
public final class CallMain {

    private CallMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        if (options.has("help") || options.all("say").isEmpty()) {
            System.err.println("usage: ./switchboard call --tenant acme --say \"I want to cancel my visit\" [--say ...] "
                    + "[--url http://localhost:8080] [--out reply.wav] [--from +34611000002] [--to +34910000001] [--token T]");
            System.exit(2);
        }
        String tenant = options.string("tenant", "acme");
        String url = options.string("url", "http://localhost:" + System.getenv().getOrDefault("PORT", "8080")).replaceAll("/+$", "");
        String from = options.string("from", "+34611000002");
        DemoCredentials token = DemoCredentials.twilioToken(options);
        if (token == null) {
            System.err.println("no Twilio auth token: pass --token, set SWITCHBOARD_DEMO_TWILIO_AUTH_TOKEN, or run the platform "
                    + "once with the demo on (it writes SWITCHBOARD_HOME/demo-twilio-auth-token)");
            System.exit(1);
        }
        System.out.printf("calling %s at %s from %s, signing as Twilio with the auth token from %s%n", tenant, url, from, token.source());
        byte[] heard = converse(options, url, tenant, from, token.value());
        Path out = Path.of(options.string("out", "reply.wav"));
        WavFile.write(out, heard);
        System.out.printf("the agent's side (%.1f s) saved to %s%n", heard.length / 8000.0, out.toAbsolutePath());
        printRecord(url, tenant, from);
    }

    private static byte[] converse(Options options, String url, String tenant, String from, String token) throws Exception {
        VoiceWebhookDriver driver = new VoiceWebhookDriver(URI.create(url), tenant, token, options.string("account", "AC" + "0".repeat(32)));
        String callSid = VoiceWebhookDriver.newCallSid();
        StreamInstruction twiml = driver.dial(driver.incomingCall(callSid, from, options.string("to", "+34910000001")));
        if (!twiml.connects()) {
            throw new IllegalStateException("the platform did not open a media stream (HTTP " + twiml.status() + "): " + twiml.twiml());
        }
        FliteSynthesizer voice = new FliteSynthesizer(options.string("voice", "slt"));
        Duration pause = Duration.ofMillis(options.integer("pause-ms", 1200));
        try (MediaStreamCaller call = MediaStreamCaller.connect(twiml.streamUrl(), callSid, "AC" + "0".repeat(32), twiml.parameters())) {
            call.awaitAgentQuiet(pause, Duration.ofSeconds(30));
            for (String line : options.all("say")) {
                if (!call.isOpen()) {
                    break;
                }
                System.out.println("you>   " + line);
                call.say(voice.toMulaw8k(line));
                call.awaitSpoken(Duration.ofSeconds(30));
                call.awaitAgentQuiet(pause, Duration.ofSeconds(45));
            }
            if (call.isOpen()) {
                call.hangUp();
            } else {
                System.out.println("(the agent hung up)");
            }
            List<Double> responses = call.timings().responses();
            System.out.println("heard the agent start answering after " + responses.stream()
                    .map(ms -> String.format(Locale.ROOT, "%.0f ms", ms)).toList() + " (caller's last word to first audio)");
            return call.heardAudio();
        }
    }

    private static void printRecord(String url, String tenant, String from) throws Exception {
        DemoCredentials password = DemoCredentials.password();
        Optional<PlatformApi> api = password == null ? Optional.empty()
                : PlatformApi.signIn(url, "admin@" + tenant + ".test", password.value());
        if (api.isEmpty()) {
            System.out.println("(sign-in as the demo owner failed: transcript not shown; see GET /api/v1/tenants/" + tenant + "/calls)");
            return;
        }
        Thread.sleep(1500); // the call's last lines are written as it closes
        Optional<JsonNode> call = api.get().lastCall(tenant, from);
        if (call.isEmpty()) {
            return;
        }
        JsonNode record = call.get().path("call");
        System.out.printf("%ncall %s: %s, %s s, recording %s%n", record.path("id").asString(), record.path("outcome").asString("?"),
                record.path("durationSeconds").asString("?"), url + "/api/v1/tenants/" + tenant + "/calls/" + record.path("id").asString() + "/recording");
        System.out.println("transcript:");
        call.get().path("transcript").forEach(line -> System.out.printf("  %-6s %s%s%n", line.path("role").asString(),
                line.path("text").asString(), line.path("interrupted").asBoolean() ? "  [interrupted]" : ""
                        + (line.path("role").asString().equals("tool") ? "  " + line.path("detail").path("arguments") + " -> "
                        + line.path("detail").path("status").asString() : "")));
        System.out.println("latency per turn (ms from the caller's last word): end of turn / STT final / LLM first token / TTS first audio / first audio sent");
        call.get().path("turns").forEach(t -> System.out.printf("  turn %d  %s / %s / %s / %s / %s   \"%s\"%n", t.path("turnNo").asInt(),
                t.path("endOfTurnMs").asString("-"), t.path("sttFinalMs").asString("-"), t.path("llmFirstTokenMs").asString("-"),
                t.path("ttsFirstAudioMs").asString("-"), t.path("firstAudioMs").asString("-"), t.path("userText").asString("")));
    }
}
