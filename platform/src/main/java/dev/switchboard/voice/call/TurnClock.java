package dev.switchboard.voice.call;

import dev.switchboard.voice.store.TurnLatency;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Measures each turn from the moment the caller stopped speaking: the VAD announces the stop after its stop
 * window of silence, so that window is taken off its timestamp. The stages are stamped from the pipeline's taps,
 * the agent bridge and the socket; a turn is reported once its first audio frame went out to the caller, or when
 * the next turn starts or the call ends without it.
 */
final class TurnClock {

    private final long stopWindowNanos;
    private final Consumer<TurnLatency> report;
    private long pendingStop;
    private long pendingStt;
    private Turn current;
    private int turns;

    TurnClock(Duration stopWindow, Consumer<TurnLatency> report) {
        this.stopWindowNanos = stopWindow.toNanos();
        this.report = report;
    }

    private static final class Turn {
        final int no;
        final String text;
        final long stopped;
        final long stt;
        final long decided;
        long firstToken;
        long ttsAudio;
        long sent;

        Turn(int no, String text, long stopped, long stt, long decided) {
            this.no = no;
            this.text = text;
            this.stopped = stopped;
            this.stt = stt;
            this.decided = decided;
        }
    }

    synchronized void callerStopped(long nanos) {
        pendingStop = nanos - stopWindowNanos;
    }

    synchronized void sttFinal(long nanos) {
        pendingStt = nanos;
    }

    synchronized void turnDecided(String text, long nanos) {
        flush();
        long stopped = pendingStop != 0 ? pendingStop : nanos;
        current = new Turn(++turns, text, stopped, pendingStt, nanos);
        pendingStop = 0;
        pendingStt = 0;
    }

    synchronized void firstToken(long nanos) {
        if (current != null && current.firstToken == 0) {
            current.firstToken = nanos;
        }
    }

    synchronized void ttsAudio(long nanos) {
        if (current != null && current.ttsAudio == 0) {
            current.ttsAudio = nanos;
        }
    }

    synchronized void audioSent(long nanos) {
        if (current != null && current.sent == 0) {
            current.sent = nanos;
            flush();
        }
    }

    /** Reports the turn in progress, if any (the call is ending). */
    synchronized void flush() {
        if (current == null) {
            return;
        }
        Turn t = current;
        current = null;
        Instant stoppedAt = Instant.now().minusNanos(System.nanoTime() - t.stopped);
        report.accept(new TurnLatency(t.no, stoppedAt, t.text, ms(t, t.decided), t.stt == 0 ? null : ms(t, t.stt),
                ms(t, t.firstToken), ms(t, t.ttsAudio), ms(t, t.sent)));
    }

    private static Integer ms(Turn t, long stamp) {
        return stamp == 0 ? null : (int) Math.round((stamp - t.stopped) / 1e6);
    }
}
