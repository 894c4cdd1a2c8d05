package dev.switchboard.voice.pipeline.bench;

import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import dev.switchboard.voice.pipeline.pipeline.Pipeline;
import dev.switchboard.voice.pipeline.stt.deepgram.DeepgramSettings;
import dev.switchboard.voice.pipeline.stt.deepgram.DeepgramStt;
import dev.switchboard.voice.pipeline.stt.sphinx.SphinxSettings;
import dev.switchboard.voice.pipeline.stt.sphinx.SphinxStt;
import dev.switchboard.voice.pipeline.tts.flite.FliteSynthesizer;
import dev.switchboard.voice.pipeline.vad.VadParams;
import dev.switchboard.voice.pipeline.vad.VadProcessor;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * CPU cost of the listening path (Silero VAD plus the speech-to-text client) per 20 ms telephone frame, and how
 * many calls one core could listen to. Many pipelines are fed a mix of real speech and silence as fast as they
 * take it; process CPU time divided by the frames handled gives the cost, and 20 ms divided by that cost gives the
 * pipelines one core sustains. Prints one JSON object.
 *
 * <p>Arguments (all optional): {@code --pipelines N} (default 16), {@code --seconds S} of audio per pipeline
 * (default 30).
 */
public final class ListeningPathBenchmark {

    private static final List<String> PHRASES = List.of("what time do you open", "book a table for two",
            "I want to cancel my order", "yes please", "no thanks");

    private ListeningPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pipelines = intArgument(args, "--pipelines", 16);
        int seconds = intArgument(args, "--seconds", 30);
        List<InputAudioFrame> call = CallAudio.mix(new FliteSynthesizer("slt"), PHRASES, seconds);
        Map<String, Object> results = new LinkedHashMap<>();
        try (DiscardingWebSocketServer sink = new DiscardingWebSocketServer()) {
            URI deepgram = sink.baseUrl();
            results.put("pipeline_only", warmThenMeasure(call, pipelines, () -> List.of(new PassThrough())));
            results.put("vad_only", warmThenMeasure(call, pipelines, () -> List.of(vad())));
            results.put("vad_deepgram_client", warmThenMeasure(call, pipelines, () -> List.of(vad(), deepgram(deepgram))));
            results.put("vad_offline_sphinx", warmThenMeasure(call, pipelines, () -> List.of(vad(), sphinx())));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "voice-listening-path");
        report.put("frame_ms", 20);
        report.put("audio_seconds_per_pipeline", seconds);
        report.put("concurrent_pipelines", pipelines);
        report.put("available_processors", Runtime.getRuntime().availableProcessors());
        report.put("java", Runtime.version().toString());
        // CPU time is per process, but a busy machine still inflates it (shared caches, frequency): say how busy.
        report.put("system_load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.put("results", results);
        report.put("note", "cpu_us_per_frame is process CPU (all threads, the WebSocket sink included) per 20 ms frame "
                + "per call; pipelines_per_core = 20 ms / cpu_us_per_frame, the listening path alone");
        System.out.println(JsonMapper.builder().build().writeValueAsString(report));
    }

    /** The first round warms the JIT and the native libraries up; only the second is reported. */
    private static Map<String, Object> warmThenMeasure(List<InputAudioFrame> call, int count,
                                                       Supplier<List<FrameProcessor>> stages) throws InterruptedException {
        measure("warm-up", call, count, stages);
        return measure("measured", call, count, stages);
    }

    private static Map<String, Object> measure(String name, List<InputAudioFrame> call, int count,
                                               Supplier<List<FrameProcessor>> stages) throws InterruptedException {
        List<Pipeline> running = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            running.add(Pipeline.of(stages.get()).start());
        }
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        List<Thread> feeders = new ArrayList<>();
        for (Pipeline pipeline : running) {
            feeders.add(Thread.ofVirtual().start(() -> {
                call.forEach(pipeline::queue);
                pipeline.end("benchmark done");
            }));
        }
        for (Thread feeder : feeders) {
            feeder.join();
        }
        for (Pipeline pipeline : running) {
            if (!pipeline.awaitTermination(Duration.ofMinutes(10))) {
                throw new IllegalStateException(name + " did not finish");
            }
        }
        Thread.sleep(200); // let the last asynchronous sends complete inside the measurement
        long cpu = processCpuNanos() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        running.forEach(Pipeline::close);
        return figures((long) count * call.size(), cpu, wall);
    }

    private static Map<String, Object> figures(long frames, long cpuNanos, long wallNanos) {
        double cpuMicrosPerFrame = cpuNanos / 1000.0 / frames;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("frames", frames);
        figures.put("cpu_us_per_frame", Math.round(cpuMicrosPerFrame * 10) / 10.0);
        figures.put("pipelines_per_core", Math.round(20_000 / cpuMicrosPerFrame));
        figures.put("wall_seconds", Math.round(wallNanos / 1e7) / 100.0);
        figures.put("realtime_factor", Math.round(frames * 20e6 / wallNanos));
        return figures;
    }

    /** The frame machinery alone (inboxes and thread hand-offs), to separate it from the VAD's and STT's costs. */
    private static final class PassThrough extends FrameProcessor {
        PassThrough() {
            super("pass-through");
        }

        @Override
        protected void process(Frame frame, Direction direction) {
            push(frame, direction);
        }
    }

    private static FrameProcessor vad() {
        return new VadProcessor(VadParams.DEFAULTS);
    }

    private static FrameProcessor deepgram(URI url) {
        return new DeepgramStt(DeepgramSettings.of("benchmark").withBaseUrl(url));
    }

    private static FrameProcessor sphinx() {
        return new SphinxStt(SphinxSettings.grammar(PHRASES));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int intArgument(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
