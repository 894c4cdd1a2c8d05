/** Call records, their turns with latencies, transcripts and the status callbacks already applied, in PostgreSQL. */
package dev.switchboard.voice.store;
