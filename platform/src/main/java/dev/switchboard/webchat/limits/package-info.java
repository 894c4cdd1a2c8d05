/** Per-key rate limits (visitor, client address) held in memory on each node, idle keys forgotten. */
package dev.switchboard.webchat.limits;
