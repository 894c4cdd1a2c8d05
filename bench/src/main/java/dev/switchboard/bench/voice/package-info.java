/** Phone calls driven as Twilio would: the interactive caller ({@code ./switchboard call}) and the voice benchmark. */
package dev.switchboard.bench.voice;
