package dev.switchboard.voice.pipeline.vad;

import dev.switchboard.voice.pipeline.audio.MuLaw;
import dev.switchboard.voice.pipeline.audio.WindowBuffer;
import dev.switchboard.voice.pipeline.frames.ErrorFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.frames.StartFrame;
import dev.switchboard.voice.pipeline.frames.UserStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Listens to the caller's audio and announces when they start and stop speaking. The audio passes on unchanged;
 * the speaking frames are system frames, so they reach turn-taking ahead of audio still queued.
 */
public final class VadProcessor extends FrameProcessor {

    private static final Duration WINDOW = Duration.ofMillis(1000L * SileroModel.WINDOW / SileroModel.SAMPLE_RATE);
    private static final int QUIET_RESET_WINDOWS = 16;
    /**
     * Silero's lag: it calls about one more window speech after the last word ended (measured with flite speech
     * over line noise, at window resolution: the stop came 219-259 ms after the words for a 200 ms stop window, 243
     * on average; seen after whole 20 ms frames, 240-273 and 254).
     */
    static final int MODEL_LAG_WINDOWS = 1;

    private final Supplier<SpeechProbability> models;
    private final VoiceActivity activity;
    private final WindowBuffer windows = new WindowBuffer(SileroModel.WINDOW);
    private SpeechProbability model;
    private final double quietRms;
    private int quietWindows;
    private long modelWindows;
    private long allWindows;

    public VadProcessor(VadParams params) {
        this(params, SileroModel::new);
    }

    /** With another source of speech probabilities (tests); called on the processor's thread at start. */
    public VadProcessor(VadParams params, Supplier<SpeechProbability> models) {
        super("vad");
        this.models = models;
        this.activity = new VoiceActivity(params, WINDOW, MODEL_LAG_WINDOWS);
        this.quietRms = params.quietRms();
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        if (frame instanceof StartFrame) {
            open();
        } else if (frame instanceof InputAudioFrame audio && model != null) {
            windows.append(MuLaw.decode(audio.mulaw()), this::analyse);
        }
        push(frame, direction);
    }

    private void open() {
        try {
            model = models.get();
        } catch (RuntimeException e) {
            // Without the model there is no turn-taking: stop the call rather than listen forever.
            pushUpstream(new ErrorFrame(name(), e.getMessage(), true));
        }
    }

    /**
     * While nobody speaks, a quiet window is silence without asking the model; from the first loud window until the
     * caller has stopped, every window goes to the model, so when a turn starts and ends is decided exactly as
     * without the gate (a pause between words is the model's call). After a quiet stretch longer than the model's
     * memory matters (about 0.5 s) its state is reset, so speech that follows is judged fresh.
     */
    private void analyse(float[] window) {
        allWindows++;
        float probability;
        if (activity.idle() && rms(window) < quietRms) {
            probability = 0f;
            if (++quietWindows == QUIET_RESET_WINDOWS) {
                model.reset();
            }
        } else {
            quietWindows = 0;
            modelWindows++;
            probability = model.probability(window);
        }
        switch (activity.update(probability)) {
            case STARTED -> push(new UserStartedSpeakingFrame());
            case STOPPED -> push(new UserStoppedSpeakingFrame());
            case NONE -> { }
        }
    }

    private static double rms(float[] window) {
        double sum = 0;
        for (float sample : window) {
            sum += sample * sample;
        }
        return Math.sqrt(sum / window.length);
    }

    /** Windows the model was asked about, of {@link #analysedWindows()}: what the quiet gate saved. */
    public long modelWindows() {
        return modelWindows;
    }

    public long analysedWindows() {
        return allWindows;
    }

    @Override
    protected void release() {
        if (model != null) {
            model.close();
        }
    }
}
