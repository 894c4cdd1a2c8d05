/**
 * Twilio played towards the platform: a caller that signs the voice webhook like Twilio, reads the TwiML, and runs
 * the Media Stream in real time (20 ms mu-law frames, marks echoed as audio plays, {@code clear} honoured), with the
 * timings a benchmark needs.
 */
package dev.switchboard.fakes.twilio;
