/** A socket-free harness that pushes frames into one processor and collects what comes out, for this module's tests and the platform's. */
package dev.switchboard.voice.pipeline.testing;
