package dev.switchboard.voice.pipeline.pipeline;

import dev.switchboard.voice.pipeline.frames.DataFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.SystemFrame;

/** One item in a processor's inbox: a frame travelling in a direction, or a task to run on the processor's thread. */
sealed interface Envelope {

    /** Whether this item overtakes the ordered stream. */
    boolean urgent();

    record Delivery(Frame frame, Direction direction) implements Envelope {
        @Override
        public boolean urgent() {
            // Upstream traffic is feedback (errors, bot speaking) and must never wait behind the audio stream.
            return frame instanceof SystemFrame || direction == Direction.UPSTREAM;
        }

        boolean droppedByInterruption() {
            return frame instanceof DataFrame && direction == Direction.DOWNSTREAM;
        }
    }

    /** An urgent task runs next; an ordered one runs after the stream items queued before it. */
    record Task(Runnable action, boolean urgent) implements Envelope {
    }
}
