/** Deepgram live streaming speech-to-text over the JDK WebSocket client; wire types stay in this package. */
package dev.switchboard.voice.pipeline.stt.deepgram;
