package dev.switchboard.voice.pipeline.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * Silero VAD v6 on ONNX Runtime, at 8 kHz: 256-sample windows, each preceded by the last 32 samples of the previous
 * one, and the recurrent state carried from window to window. Not thread-safe: one instance (one ONNX session) per
 * pipeline, because a session shared across threads serialises them.
 */
public final class SileroModel implements SpeechProbability {

    public static final int SAMPLE_RATE = 8000;
    public static final int WINDOW = 256;
    private static final int CONTEXT = 32;
    private static final String RESOURCE = "/dev/switchboard/voice/pipeline/vad/silero_vad.onnx";
    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
    private static volatile byte[] modelBytes;

    private final OrtSession session;
    private final OnnxTensor sampleRate;
    private final float[] input = new float[CONTEXT + WINDOW];
    private float[] state = new float[2 * 128];

    public SileroModel() {
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // One window is tiny: a thread pool per session only adds hand-offs; parallelism comes from many calls.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.session = ENVIRONMENT.createSession(modelBytes(), options);
            this.sampleRate = OnnxTensor.createTensor(ENVIRONMENT, (long) SAMPLE_RATE);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the Silero VAD model", e);
        }
    }

    /** Speech probability in [0, 1] for one 256-sample window of samples scaled to [-1, 1). */
    @Override
    public float probability(float[] window) {
        System.arraycopy(window, 0, input, CONTEXT, WINDOW);
        try (OnnxTensor audio = OnnxTensor.createTensor(ENVIRONMENT, FloatBuffer.wrap(input), new long[]{1, input.length});
             OnnxTensor recurrent = OnnxTensor.createTensor(ENVIRONMENT, FloatBuffer.wrap(state), new long[]{2, 1, 128});
             OrtSession.Result result = session.run(Map.of("input", audio, "state", recurrent, "sr", sampleRate))) {
            float speech = ((float[][]) result.get("output").orElseThrow().getValue())[0][0];
            state = ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer().array();
            System.arraycopy(input, WINDOW, input, 0, CONTEXT); // the tail of this window is the next one's context
            return speech;
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD inference failed", e);
        }
    }

    public void reset() {
        state = new float[2 * 128];
        Arrays.fill(input, 0f);
    }

    @Override
    public void close() {
        try {
            sampleRate.close();
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] modelBytes() {
        byte[] bytes = modelBytes;
        if (bytes == null) {
            synchronized (SileroModel.class) {
                if (modelBytes == null) {
                    modelBytes = readModel();
                }
                bytes = modelBytes;
            }
        }
        return bytes;
    }

    private static byte[] readModel() {
        try (InputStream in = SileroModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The Silero VAD model " + RESOURCE + " is not on the classpath: run "
                        + "voice-pipeline/prepare.sh (it fetches and verifies the model), then rebuild");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
