package dev.switchboard.voice.pipeline;

/** A speech-to-text or text-to-speech stage that can say what it is. */
public interface LabelledService {

    ServiceLabel label();
}
