package dev.switchboard.voice.pipeline.transport.twilio;

import dev.switchboard.voice.pipeline.frames.CallStartedFrame;
import dev.switchboard.voice.pipeline.frames.CancelFrame;
import dev.switchboard.voice.pipeline.frames.DtmfFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's first stage for a Twilio call. Messages are parsed on the socket's thread and pushed straight
 * downstream, so a slow pipeline pushes back on the socket. Mark echoes go to the output side, which placed them.
 */
final class TwilioInput extends FrameProcessor {

    private static final Logger log = LoggerFactory.getLogger(TwilioInput.class);

    private final TwilioOutput output;

    TwilioInput(TwilioOutput output) {
        super("twilio-input");
        this.output = output;
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        push(frame, direction);
    }

    void receive(String text) {
        try {
            dispatch(TwilioMessages.parse(text));
        } catch (RuntimeException e) {
            // One malformed message must not end the call; say so upstream-of-nothing (the pipeline's owner logs it).
            log.warn("ignoring an unreadable Media Streams message: {}", e.toString());
        }
    }

    void closed() {
        push(new CancelFrame("the Media Stream closed"));
    }

    private void dispatch(TwilioEvent event) {
        switch (event) {
            case TwilioEvent.Start start -> {
                output.streamStarted(start.streamSid());
                push(new CallStartedFrame(start.callSid(), start.streamSid(), start.parameters()));
            }
            case TwilioEvent.Media media when "inbound".equals(media.track()) -> push(new InputAudioFrame(media.mulaw()));
            case TwilioEvent.Mark mark -> output.markPlayed(mark.name());
            case TwilioEvent.Dtmf dtmf when !dtmf.digit().isEmpty() -> push(new DtmfFrame(dtmf.digit().charAt(0)));
            case TwilioEvent.Stop stop -> push(new CancelFrame("the caller hung up"));
            default -> { }
        }
    }
}
