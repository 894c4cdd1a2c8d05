/** The voice HTTP API: call log, call detail with transcript and latencies, recordings with range requests, outbound calls, voice agents. */
package dev.switchboard.voice.web;
