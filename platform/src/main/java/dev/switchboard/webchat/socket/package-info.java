/**
 * The visitor's WebSocket: the handshake that checks origin and token, the JSON frames of protocol
 * {@code webchat.v1}, the sockets open on this node, and the web chat's {@code ChannelSender}.
 */
package dev.switchboard.webchat.socket;
