/** Sending: the channel's sender for conversation replies, template sends, the 24-hour window, pacing and retries. */
package dev.switchboard.whatsapp.delivery;
