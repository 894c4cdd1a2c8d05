package dev.switchboard.workspace.live;

import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Serves {@code /ws/workspace}. Browsers may open it from the platform's own origin and from the API's CORS
 * allow-list; the connection authenticates in-band, so no cookie could ever be ridden cross-site anyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveSocketConfiguration implements WebSocketConfigurer {

    private final WorkspaceSocketHandler handler;
    private final String[] origins;

    LiveSocketConfiguration(WorkspaceSocketHandler handler,
                            @Value("${switchboard.security.cors-allowed-origins:}") String origins) {
        this.handler = handler;
        this.origins = Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/workspace").setAllowedOrigins(origins);
    }
}
