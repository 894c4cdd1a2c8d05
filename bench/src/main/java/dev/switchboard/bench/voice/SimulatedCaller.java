package dev.switchboard.bench.voice;

import dev.switchboard.fakes.twilio.CallTimings;
import dev.switchboard.fakes.twilio.MediaStreamCaller;
import dev.switchboard.fakes.twilio.StreamInstruction;
import dev.switchboard.fakes.twilio.VoiceWebhookDriver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One benchmark caller: rings the platform, waits out the greeting, then talks in turns (an utterance, the agent's
 * answer, a pause) until its time is up. A barging caller talks over every other answer shortly after it starts.
 */
final class SimulatedCaller {

    /** How the call went, for the report. */
    record Outcome(CallTimings timings, int turns, boolean failed, boolean dropped, String problem) {
    }

    private static final String ACCOUNT = "AC" + "0".repeat(32);

    private SimulatedCaller() {
    }

    static Outcome call(URI platform, String token, int index, List<byte[]> utterances, long deadlineNanos, boolean barging) {
        VoiceWebhookDriver driver = new VoiceWebhookDriver(platform, "acme", token, ACCOUNT);
        String callSid = VoiceWebhookDriver.newCallSid();
        StreamInstruction twiml;
        try {
            twiml = driver.dial(driver.incomingCall(callSid, String.format("+3460%07d", index), "+34910000001"));
        } catch (RuntimeException e) {
            return new Outcome(null, 0, true, false, "webhook: " + e.getMessage());
        }
        if (!twiml.connects()) {
            return new Outcome(null, 0, true, false, "webhook answered " + twiml.status());
        }
        try (MediaStreamCaller call = MediaStreamCaller.connect(twiml.streamUrl(), callSid, ACCOUNT, twiml.parameters())) {
            if (!call.awaitAgentQuiet(Duration.ofMillis(400), Duration.ofSeconds(60))) {
                return new Outcome(call.timings(), 0, true, !call.isOpen(), "no greeting");
            }
            int turns = 0;
            while (System.nanoTime() < deadlineNanos && call.isOpen()) {
                call.say(utterances.get((index + turns) % utterances.size()));
                call.awaitSpoken(Duration.ofSeconds(20));
                if (barging && turns % 2 == 1) {
                    bargeIn(call, utterances.get((index + turns + 1) % utterances.size()));
                }
                if (!call.awaitAgentQuiet(Duration.ofMillis(400), Duration.ofSeconds(30))) {
                    return new Outcome(call.timings(), turns, true, !call.isOpen(), "no answer on turn " + (turns + 1));
                }
                turns++;
                Thread.sleep(ThreadLocalRandom.current().nextLong(300, 900));
            }
            boolean dropped = !call.isOpen();
            call.hangUp();
            return new Outcome(call.timings(), turns, dropped, dropped, dropped ? "the platform closed the call" : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, 0, true, false, "interrupted");
        } catch (RuntimeException e) {
            return new Outcome(null, 0, true, true, e.toString());
        }
    }

    /** Waits for the answer to start, lets it play a moment, then talks over it. */
    private static void bargeIn(MediaStreamCaller call, byte[] utterance) throws InterruptedException {
        long before = call.heardBytes();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (call.heardBytes() <= before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(600);
        call.say(utterance);
        call.awaitSpoken(Duration.ofSeconds(20));
    }
}
