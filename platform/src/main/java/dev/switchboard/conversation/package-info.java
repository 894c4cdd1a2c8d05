/**
 * Conversations: contacts and their ids on each channel, conversations with their owner (the AI or a human),
 * the ordered messages, the channel router every text channel feeds, and the one place that picks the
 * channel's sender for every outbound message. The root package is the module's API.
 */
package dev.switchboard.conversation;
