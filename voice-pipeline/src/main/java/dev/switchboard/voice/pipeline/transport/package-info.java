/** Transports bind a pipeline to a far end without depending on any WebSocket server library. */
package dev.switchboard.voice.pipeline.transport;
