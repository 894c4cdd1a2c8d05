package dev.switchboard.voice.pipeline.transport;

/**
 * The far end as a transport sees it: somewhere to send text messages, and a way to hang up. The platform binds it
 * to its WebSocket session (serialising sends, which most session types require); tests bind it to a list.
 * Called from several threads.
 */
public interface MessageSink {

    void send(String text);

    /** Closes the connection; for a Twilio stream this ends the call (or runs the TwiML after the stream). */
    void close();
}
