package dev.switchboard.voice.pipeline;

import dev.switchboard.voice.pipeline.transport.twilio.TwilioFarEnd;
import java.util.Arrays;

/**
 * Streams a caller's audio into a Twilio stream the way Twilio does: one 20 ms mu-law frame every 20 ms against
 * absolute deadlines, then silence until stopped.
 */
public final class CallerAudio implements AutoCloseable {

    private final Thread sender;
    private volatile boolean stopped;

    public CallerAudio(TwilioFarEnd farEnd, byte[] mulaw) {
        this.sender = Thread.ofVirtual().name("caller-audio").start(() -> send(farEnd, mulaw));
    }

    private void send(TwilioFarEnd farEnd, byte[] mulaw) {
        long start = System.nanoTime();
        byte[] silence = SpeechFixtures.silence(20);
        for (int chunk = 0; !stopped; chunk++) {
            int offset = chunk * 160;
            byte[] frame = offset + 160 <= mulaw.length ? Arrays.copyOfRange(mulaw, offset, offset + 160) : silence;
            long wait = start + chunk * 20_000_000L - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            farEnd.sendAudio(frame, chunk + 1);
        }
    }

    @Override
    public void close() {
        stopped = true;
        sender.interrupt();
    }
}
