/** Benchmarks: load generators that drive a running platform and print one JSON object each. */
package dev.switchboard.bench;
