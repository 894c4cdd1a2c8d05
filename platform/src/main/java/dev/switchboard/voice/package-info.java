/**
 * Phone calls: Twilio webhooks and media streams, a real-time voice pipeline per call backed by the AI agent,
 * call records, recordings, transcripts and per-turn latencies. The root package is the module's API: the events
 * it publishes and {@link dev.switchboard.voice.VoiceCalls} for placing outbound calls.
 */
package dev.switchboard.voice;
