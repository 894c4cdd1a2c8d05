/** Call recordings: a stereo WAV written as the call runs, kept on the local disk or in an S3-compatible store. */
package dev.switchboard.voice.record;
