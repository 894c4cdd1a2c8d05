/** Benchmarks that print one JSON object each. */
package dev.switchboard.voice.pipeline.bench;
