package dev.switchboard.voice.pipeline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AudioPacerTest {

    /** A clock that only moves when the pacer sleeps, and that can be made to oversleep. */
    static final class VirtualTicker implements Ticker {
        volatile long now = 1_000_000_000L;
        volatile long oversleep;
        final List<Long> wakeUps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public synchronized void sleepUntil(long deadline) {
            now = Math.max(now, deadline) + oversleep;
            wakeUps.add(deadline);
        }
    }

    static final class Recorder implements PlaybackSink {
        final List<Object> events = new ArrayList<>();
        final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public synchronized void play(byte[] frame) {
            events.add(frame.length);
        }

        @Override
        public synchronized void reached(Object marker) {
            events.add(marker);
        }

        @Override
        public synchronized void startedSpeaking() {
            events.add("started");
        }

        @Override
        public synchronized void stoppedSpeaking() {
            events.add("stopped");
            stopped.countDown();
        }

        synchronized List<Object> snapshot() {
            return List.copyOf(events);
        }
    }

    @Test
    void playsTwentyMillisecondFramesAgainstAbsoluteDeadlines() throws Exception {
        VirtualTicker ticker = new VirtualTicker();
        ticker.oversleep = 3_000_000; // every wake-up is 3 ms late
        Recorder sink = new Recorder();
        try (AudioPacer pacer = new AudioPacer(sink, ticker)) {
            long start = ticker.now;
            pacer.enqueueAudio(new byte[160 * 10]);
            assertThat(sink.stopped.await(10, TimeUnit.SECONDS)).isTrue();
            List<Long> deadlines = List.copyOf(ticker.wakeUps);
            assertThat(deadlines).hasSize(10);
            for (int i = 0; i < deadlines.size(); i++) {
                // Lateness does not accumulate: frame n is due at start + n x 20 ms whatever happened before.
                assertThat(deadlines.get(i) - start).isEqualTo(i * AudioPacer.FRAME_NANOS);
            }
        }
    }

    @Test
    void rechunksIntoWholeFramesAndPlacesMarkersAfterTheirAudio() throws Exception {
        Recorder sink = new Recorder();
        try (AudioPacer pacer = new AudioPacer(sink, new VirtualTicker())) {
            pacer.enqueueAudio(new byte[100]);
            pacer.enqueueAudio(new byte[100]);
            pacer.enqueueMarker("first");
            pacer.enqueueAudio(new byte[160]);
            pacer.enqueueMarker("second");
            assertThat(sink.stopped.await(10, TimeUnit.SECONDS)).isTrue();
            // 200 bytes: one whole frame and a partial one padded with silence before the marker.
            assertThat(sink.snapshot()).containsExactly("started", 160, 160, "first", 160, "second", "stopped");
        }
    }

    @Test
    void clearDropsQueuedAudioAndReportsMarkersThatWillNeverBeReached() throws Exception {
        Recorder sink = new Recorder();
        try (AudioPacer pacer = new AudioPacer(sink, Ticker.SYSTEM)) {
            pacer.enqueueAudio(new byte[160 * 50]); // one second
            pacer.enqueueMarker("end of sentence");
            Thread.sleep(100);
            List<Object> dropped = pacer.clear();
            assertThat(dropped).containsExactly("end of sentence");
            assertThat(sink.stopped.await(10, TimeUnit.SECONDS)).isTrue();
            long played = sink.snapshot().stream().filter(Integer.class::isInstance).count();
            assertThat(played).isLessThan(50);
            assertThat(sink.snapshot()).doesNotContain("end of sentence");
        }
    }

    @Test
    void paceIsRealTimeWithTheSystemClock() throws Exception {
        Recorder sink = new Recorder();
        try (AudioPacer pacer = new AudioPacer(sink, Ticker.SYSTEM)) {
            long start = System.nanoTime();
            pacer.enqueueAudio(new byte[160 * 25]); // 500 ms
            assertThat(sink.stopped.await(10, TimeUnit.SECONDS)).isTrue();
            // Never faster than real time (no bursts); the upper bound is generous for a loaded machine.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(480));
        }
    }
}
