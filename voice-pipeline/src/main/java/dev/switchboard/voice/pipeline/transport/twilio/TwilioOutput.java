package dev.switchboard.voice.pipeline.transport.twilio;

import dev.switchboard.voice.pipeline.audio.AudioPacer;
import dev.switchboard.voice.pipeline.audio.PlaybackSink;
import dev.switchboard.voice.pipeline.audio.Ticker;
import dev.switchboard.voice.pipeline.frames.BotStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.BotStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.CancelFrame;
import dev.switchboard.voice.pipeline.frames.EndFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.OutputAudioFrame;
import dev.switchboard.voice.pipeline.frames.TtsTextFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import dev.switchboard.voice.pipeline.transport.MessageSink;
import java.time.Duration;
import java.util.Map;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the bot's audio to Twilio in real time and learns, from mark echoes, what the caller actually heard.
 * A sentence ({@link TtsTextFrame}) and the end of a response are held back behind a mark placed after their audio
 * and released downstream only when Twilio echoes that mark. On barge-in the queued audio is dropped, Twilio is told
 * to {@code clear} its buffer, and every mark still pending is forgotten: Twilio echoes cleared marks too, so an
 * echo after a clear proves nothing.
 */
final class TwilioOutput extends FrameProcessor implements PlaybackSink {

    private final MessageSink sink;
    private final Duration drainTimeout;
    private final Map<String, Frame> pendingMarks = new LinkedHashMap<>();
    private final AtomicLong markCounter = new AtomicLong();
    private volatile String streamSid;
    private final AudioPacer pacer;

    TwilioOutput(MessageSink sink, Ticker ticker, Duration drainTimeout) {
        super("twilio-output");
        this.sink = sink;
        this.drainTimeout = drainTimeout;
        this.pacer = new AudioPacer(this, ticker);
    }

    void streamStarted(String sid) {
        this.streamSid = sid;
    }

    /** Twilio plays in order, so an echo also confirms every mark placed before it, even if its echo is late. */
    void markPlayed(String name) {
        List<Frame> released = new ArrayList<>();
        synchronized (pendingMarks) {
            if (!pendingMarks.containsKey(name)) {
                return;
            }
            Iterator<Map.Entry<String, Frame>> marks = pendingMarks.entrySet().iterator();
            boolean reached = false;
            while (marks.hasNext() && !reached) {
                Map.Entry<String, Frame> mark = marks.next();
                reached = mark.getKey().equals(name);
                released.add(mark.getValue());
                marks.remove();
            }
        }
        released.forEach(this::push);
    }

    @Override
    protected void process(Frame frame, Direction direction) throws InterruptedException {
        if (direction == Direction.UPSTREAM) {
            push(frame, direction);
            return;
        }
        switch (frame) {
            case OutputAudioFrame audio -> pacer.enqueueAudio(audio.mulaw());
            case TtsTextFrame text -> pacer.enqueueMarker(text);
            case LlmResponseEndFrame end -> pacer.enqueueMarker(end);
            case InterruptionFrame interruption -> bargeIn(interruption);
            case EndFrame end -> hangUp(end);
            case CancelFrame cancel -> {
                push(cancel);
                sink.close();
            }
            default -> push(frame);
        }
    }

    private void bargeIn(InterruptionFrame interruption) {
        pacer.clear();
        synchronized (pendingMarks) {
            pendingMarks.clear();
        }
        if (streamSid != null) {
            sink.send(TwilioMessages.clear(streamSid));
        }
        push(interruption);
    }

    /** Lets the queued audio play out (bounded), then closes the stream, which ends the call. */
    private void hangUp(EndFrame end) throws InterruptedException {
        pacer.flush();
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (pacer.isBusy() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        sink.close();
        push(end);
    }

    @Override
    public void play(byte[] frame) {
        if (streamSid != null) {
            sink.send(TwilioMessages.media(streamSid, frame));
        }
    }

    @Override
    public void reached(Object marker) {
        if (streamSid == null) {
            return;
        }
        String name = "m" + markCounter.incrementAndGet();
        synchronized (pendingMarks) {
            pendingMarks.put(name, (Frame) marker);
        }
        sink.send(TwilioMessages.mark(streamSid, name));
    }

    @Override
    public void startedSpeaking() {
        pushUpstream(new BotStartedSpeakingFrame());
    }

    @Override
    public void stoppedSpeaking() {
        pushUpstream(new BotStoppedSpeakingFrame());
    }

    @Override
    protected void release() {
        pacer.close();
    }
}
