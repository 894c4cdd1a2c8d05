package dev.switchboard.voice.pipeline.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Silero VAD v6 on ONNX Runtime, at 8 kHz: 256-sample windows, each preceded by the last 32 samples of the previous
 * one, and the recurrent state carried from window to window. Not thread-safe: one instance per pipeline, holding
 * that pipeline's input and state tensors.
 *
 * <p>All instances run the same ONNX session. The model keeps no state of its own (the recurrent state is an input
 * and an output), ONNX Runtime runs one session from several threads at once (measured: two threads on one session
 * classify as many windows as on two sessions), and a session costs about 10 MB of native memory: one per call
 * was 2 GB of a 200-call node's memory.
 */
public final class SileroModel implements SpeechProbability {

    public static final int SAMPLE_RATE = 8000;
    public static final int WINDOW = 256;
    private static final int CONTEXT = 32;
    private static final int STATE = 2 * 128;
    private static final String RESOURCE = "/dev/switchboard/voice/pipeline/vad/silero_vad.onnx";
    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
    private static volatile OrtSession sharedSession;

    private final OrtSession session = sharedSession();
    private final OnnxTensor sampleRate;
    // Direct buffers back the input tensors without copies: each window rewrites them and runs the same tensors.
    private final FloatBuffer input = ByteBuffer.allocateDirect(4 * (CONTEXT + WINDOW)).order(ByteOrder.nativeOrder())
            .asFloatBuffer();
    private final FloatBuffer state = ByteBuffer.allocateDirect(4 * STATE).order(ByteOrder.nativeOrder()).asFloatBuffer();
    private final OnnxTensor inputTensor;
    private final OnnxTensor stateTensor;
    private final Map<String, OnnxTensor> inputs;

    public SileroModel() {
        try {
            this.sampleRate = OnnxTensor.createTensor(ENVIRONMENT, (long) SAMPLE_RATE);
            this.inputTensor = OnnxTensor.createTensor(ENVIRONMENT, input, new long[]{1, CONTEXT + WINDOW});
            this.stateTensor = OnnxTensor.createTensor(ENVIRONMENT, state, new long[]{2, 1, 128});
            this.inputs = Map.of("input", inputTensor, "state", stateTensor, "sr", sampleRate);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the Silero VAD model", e);
        }
    }

    /** Speech probability in [0, 1] for one 256-sample window of samples scaled to [-1, 1). */
    @Override
    public float probability(float[] window) {
        input.put(CONTEXT, window, 0, WINDOW);
        try (OrtSession.Result result = session.run(inputs)) {
            float speech = ((OnnxTensor) result.get("output").orElseThrow()).getFloatBuffer().get(0);
            state.put(0, ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer(), 0, STATE);
            for (int i = 0; i < CONTEXT; i++) {
                input.put(i, input.get(WINDOW + i)); // the tail of this window is the next one's context
            }
            return speech;
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD inference failed", e);
        }
    }

    @Override
    public void reset() {
        for (int i = 0; i < STATE; i++) {
            state.put(i, 0f);
        }
        for (int i = 0; i < CONTEXT + WINDOW; i++) {
            input.put(i, 0f);
        }
    }

    @Override
    public void close() {
        inputTensor.close();
        stateTensor.close();
        sampleRate.close(); // the shared session lives as long as the process
    }

    /** Created on first use, so a process that never listens to a call never loads the model. */
    private static OrtSession sharedSession() {
        OrtSession shared = sharedSession;
        if (shared == null) {
            synchronized (SileroModel.class) {
                if (sharedSession == null) {
                    sharedSession = createSession();
                }
                shared = sharedSession;
            }
        }
        return shared;
    }

    private static OrtSession createSession() {
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // One window is tiny: a thread pool inside a run only adds hand-offs; parallelism comes from many calls.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return ENVIRONMENT.createSession(readModel(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the Silero VAD model", e);
        }
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
