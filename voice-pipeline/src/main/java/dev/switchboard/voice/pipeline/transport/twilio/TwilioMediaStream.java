package dev.switchboard.voice.pipeline.transport.twilio;

import dev.switchboard.voice.pipeline.audio.Ticker;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import dev.switchboard.voice.pipeline.transport.MessageSink;
import java.time.Duration;

/**
 * One Twilio Media Stream as a pair of processors: {@link #input()} opens the pipeline with the caller's audio,
 * DTMF and the call's parameters; {@link #output()} plays the bot's audio in real time, places marks after each
 * sentence, and clears Twilio's buffer on barge-in. The platform feeds {@link #onMessage} with every text message
 * of the WebSocket and calls {@link #onClosed} when it closes; it sends through the given {@link MessageSink}.
 */
public final class TwilioMediaStream {

    private final TwilioOutput output;
    private final TwilioInput input;

    public TwilioMediaStream(MessageSink sink) {
        this(sink, Ticker.SYSTEM, Duration.ofSeconds(10));
    }

    /** With another clock for pacing, and how long an end frame waits for queued audio to finish playing. */
    public TwilioMediaStream(MessageSink sink, Ticker ticker, Duration drainTimeout) {
        this.output = new TwilioOutput(sink, ticker, drainTimeout);
        this.input = new TwilioInput(output);
    }

    public FrameProcessor input() {
        return input;
    }

    public FrameProcessor output() {
        return output;
    }

    public void onMessage(String text) {
        input.receive(text);
    }

    public void onClosed() {
        input.closed();
    }
}
