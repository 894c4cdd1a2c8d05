/**
 * The platform under test as the benchmarks start it (a child process from its jar, with its own home and port) and
 * the CPU and memory it uses while they measure.
 */
package dev.switchboard.bench.platform;
