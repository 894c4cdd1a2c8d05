package dev.switchboard.voice.pipeline.frames;

/**
 * Something failed in a processor. Travels upstream so an earlier stage (or the pipeline's owner) can fail over;
 * only a fatal error stops the pipeline.
 */
public record ErrorFrame(String source, String message, boolean fatal) implements SystemFrame {

    public static ErrorFrame of(String source, Throwable error) {
        return new ErrorFrame(source, error.getClass().getSimpleName() + ": " + error.getMessage(), false);
    }
}
