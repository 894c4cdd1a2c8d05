/** A fake Deepgram live-streaming server ({@code /v1/listen}) that speaks the real WebSocket protocol. */
package dev.switchboard.fakes.deepgram;
