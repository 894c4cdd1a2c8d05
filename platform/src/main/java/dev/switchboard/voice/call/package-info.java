/** A live call: its pipeline (VAD, STT, turn-taking, the agent, TTS), its recording, transcript and turn latencies. */
package dev.switchboard.voice.call;
