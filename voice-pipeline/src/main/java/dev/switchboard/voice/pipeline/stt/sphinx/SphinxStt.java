package dev.switchboard.voice.pipeline.stt.sphinx;

import dev.switchboard.voice.pipeline.LabelledService;
import dev.switchboard.voice.pipeline.ServiceLabel;
import dev.switchboard.voice.pipeline.audio.MuLaw;
import dev.switchboard.voice.pipeline.audio.Resampler;
import dev.switchboard.voice.pipeline.frames.ErrorFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.frames.InterimTranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.StartFrame;
import dev.switchboard.voice.pipeline.frames.TranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.UserStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import java.util.ArrayDeque;

/**
 * Offline speech-to-text: decodes what the caller says between the VAD's start and stop, upsampled to the 16 kHz
 * the model needs. The VAD announces speech only after 0.2 s of it, so the last half second of audio is kept and
 * decoded first. The VAD's frames overtake queued audio; acting on them only after the audio queued before them
 * makes every utterance span exactly the audio the VAD judged, however busy the machine. Interim hypotheses are
 * published every 300 ms of speech for barge-in.
 */
public final class SphinxStt extends FrameProcessor implements LabelledService {

    private static final int PRE_ROLL_FRAMES = 25;
    private static final int INTERIM_EVERY_FRAMES = 15;

    private final SphinxSettings settings;
    private final Resampler upsampler = Resampler.upsampler8To16();
    private final ArrayDeque<short[]> preRoll = new ArrayDeque<>();
    private OfflineRecognizer recognizer;
    private boolean listening;
    private int framesHeard;
    private String lastInterim = "";

    public SphinxStt(SphinxSettings settings) {
        super("stt-sphinx");
        this.settings = settings;
    }

    @Override
    public ServiceLabel label() {
        return new ServiceLabel("pocketsphinx", settings.phrases().isEmpty() ? "en-us open model" : "en-us grammar", true);
    }

    /** Decoding the end of an utterance takes tens of milliseconds; on the shared thread it would hold back the call. */
    @Override
    protected boolean needsOwnThread() {
        return true;
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        switch (frame) {
            case StartFrame start -> open();
            case UserStartedSpeakingFrame started -> runInOrder(this::startListening);
            case InputAudioFrame audio -> hear(upsampler.process(MuLaw.decode(audio.mulaw())));
            case UserStoppedSpeakingFrame stopped -> runInOrder(this::stopListening);
            default -> { }
        }
        push(frame, direction);
    }

    private void open() {
        try {
            recognizer = new OfflineRecognizer(settings);
        } catch (RuntimeException e) {
            pushUpstream(new ErrorFrame(name(), e.getMessage(), true));
        }
    }

    private void startListening() {
        if (recognizer == null || listening) {
            return;
        }
        listening = true;
        framesHeard = 0;
        lastInterim = "";
        recognizer.startUtterance();
        preRoll.forEach(recognizer::feed);
        preRoll.clear();
    }

    private void hear(short[] pcm16k) {
        if (!listening) {
            preRoll.add(pcm16k);
            if (preRoll.size() > PRE_ROLL_FRAMES) {
                preRoll.poll();
            }
            return;
        }
        recognizer.feed(pcm16k);
        if (++framesHeard % INTERIM_EVERY_FRAMES == 0) {
            String partial = recognizer.partial();
            if (!partial.isEmpty() && !partial.equals(lastInterim)) {
                lastInterim = partial;
                push(new InterimTranscriptionFrame(partial));
            }
        }
    }

    /**
     * Runs once the speech queued before the VAD's stop has been decoded, and always answers the stop, with an empty
     * transcription when no words were heard: turn-taking then waits for this answer however late a busy machine
     * makes it, instead of ending the turn on a half-heard interim.
     */
    private void stopListening() {
        if (!listening) {
            return;
        }
        listening = false;
        push(new TranscriptionFrame(recognizer.endUtterance()));
    }

    @Override
    protected void release() {
        if (recognizer != null) {
            recognizer.close();
        }
    }
}
