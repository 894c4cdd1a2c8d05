/** Immutable frames, sealed by kind: system frames jump the queue and survive interruptions, data frames are dropped by them, control frames keep their order. */
package dev.switchboard.voice.pipeline.frames;
