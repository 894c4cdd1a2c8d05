package dev.switchboard.voice.twilio;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Registers the Media Streams WebSocket; Twilio connects from anywhere, the call token is the gate. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class MediaStreamEndpoint implements WebSocketConfigurer {

    static final String PATH = "/ws/twilio/media";

    private final MediaStreamSocket socket;

    MediaStreamEndpoint(MediaStreamSocket socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, PATH).setAllowedOrigins("*");
    }
}
