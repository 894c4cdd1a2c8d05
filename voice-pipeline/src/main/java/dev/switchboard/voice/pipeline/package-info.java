/** The real-time voice pipeline: frames, processors, codecs, VAD, STT and TTS services. Plain Java, no Spring. */
package dev.switchboard.voice.pipeline;
