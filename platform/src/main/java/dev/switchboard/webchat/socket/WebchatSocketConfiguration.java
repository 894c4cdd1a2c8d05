package dev.switchboard.webchat.socket;

import dev.switchboard.webchat.config.WebchatProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import dev.switchboard.webchat.site.Sites;
import dev.switchboard.webchat.visitor.VisitorTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebchatSocketConfiguration implements WebSocketConfigurer {

    private final ChatSocket socket;
    private final VisitorHandshake handshake;

    WebchatSocketConfiguration(VisitorSockets sockets, VisitorRequests requests, VisitorLimits limits, Frames frames,
                               JsonMapper json, Sites sites, VisitorTokens tokens, WebchatProperties properties) {
        this.socket = new ChatSocket(sockets, requests, limits, new ClientFrames(json), frames,
                properties.socketsPerVisitor());
        this.handshake = new VisitorHandshake(sites, tokens, sockets, properties.socketsPerVisitor());
    }

    /**
     * Origins are checked per tenant by {@link VisitorHandshake}, so Spring's single global list stays open
     * here; without it Spring would allow the platform's own origin only.
     */
    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/ws/webchat/*").addInterceptors(handshake).setAllowedOriginPatterns("*");
    }

    /** Open widget sockets on this node, for dashboards and capacity planning. */
    @Bean
    MeterBinder webchatSockets(VisitorSockets sockets) {
        return registry -> Gauge.builder("switchboard.webchat.sockets", sockets, VisitorSockets::count)
                .description("open web chat sockets on this node").register(registry);
    }
}
