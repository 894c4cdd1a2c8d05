/** Telephone audio: the G.711 mu-law codec, 8/16 kHz resampling, re-buffering into analysis windows and real-time pacing. */
package dev.switchboard.voice.pipeline.audio;
