/** Voice activity detection with the Silero model on ONNX Runtime, one session per pipeline. */
package dev.switchboard.voice.pipeline.vad;
