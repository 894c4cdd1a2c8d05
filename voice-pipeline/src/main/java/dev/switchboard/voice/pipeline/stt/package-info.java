/** Speech-to-text stages and the transcription frames they share. */
package dev.switchboard.voice.pipeline.stt;
