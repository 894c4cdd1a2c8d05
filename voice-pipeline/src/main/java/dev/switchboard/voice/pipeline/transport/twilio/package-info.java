/** Twilio Media Streams: the JSON serializer, marks for playback tracking, clear on barge-in, DTMF. */
package dev.switchboard.voice.pipeline.transport.twilio;
