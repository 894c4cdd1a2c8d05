/** ElevenLabs stream-input text-to-speech over the JDK WebSocket client; wire types stay in this package. */
package dev.switchboard.voice.pipeline.tts.elevenlabs;
