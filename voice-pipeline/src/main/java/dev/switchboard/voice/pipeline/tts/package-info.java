/** Text-to-speech stages and the configuration they share. */
package dev.switchboard.voice.pipeline.tts;
