/**
 * Web chat: the channel edge behind the embeddable widget. Visitors get signed tokens, talk over a WebSocket,
 * and receive committed replies and streamed text through the web chat's {@code ChannelSender}. The root
 * package is the module's API: the events it publishes for higher modules.
 */
package dev.switchboard.webchat;
