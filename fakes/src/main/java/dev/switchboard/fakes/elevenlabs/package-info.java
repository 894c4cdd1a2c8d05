/** A fake ElevenLabs {@code stream-input} text-to-speech server that returns real speech synthesised with flite. */
package dev.switchboard.fakes.elevenlabs;
