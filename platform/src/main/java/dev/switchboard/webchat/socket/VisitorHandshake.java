package dev.switchboard.webchat.socket;

import dev.switchboard.webchat.site.Site;
import dev.switchboard.webchat.site.Sites;
import dev.switchboard.webchat.visitor.Visitor;
import dev.switchboard.webchat.visitor.VisitorTokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Decides the upgrade before any socket exists: the tenant must have web chat, the page's Origin must be one of
 * its allowed origins, and the visitor token (sent as the subprotocol {@code bearer.<token>}, since browsers
 * cannot set headers on a WebSocket and a URL would end up in access logs) must be valid for this tenant.
 * Anything else is refused with a plain HTTP status and nothing is read.
 */
class VisitorHandshake implements HandshakeInterceptor {

    static final String VISITOR = "webchat.visitor";
    static final String PROTOCOL = "webchat.v1";
    private static final String BEARER = "bearer.";
    private static final Pattern PATH = Pattern.compile("^/ws/webchat/([a-z0-9][a-z0-9-]{0,62})$");

    private final Sites sites;
    private final VisitorTokens tokens;
    private final VisitorSockets sockets;
    private final int socketsPerVisitor;

    VisitorHandshake(Sites sites, VisitorTokens tokens, VisitorSockets sockets, int socketsPerVisitor) {
        this.sites = sites;
        this.tokens = tokens;
        this.sockets = sockets;
        this.socketsPerVisitor = socketsPerVisitor;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        Matcher path = PATH.matcher(request.getURI().getRawPath());
        Optional<Site> site = path.matches() ? sites.find(path.group(1)) : Optional.empty();
        if (site.isEmpty()) {
            return refuse(response, HttpStatus.NOT_FOUND);
        }
        if (!site.get().allows(request.getHeaders().getOrigin())) {
            return refuse(response, HttpStatus.FORBIDDEN);
        }
        Optional<Visitor> visitor = bearer(request).flatMap(t -> tokens.verify(t, site.get().tenant().id()));
        if (visitor.isEmpty()) {
            return refuse(response, HttpStatus.UNAUTHORIZED);
        }
        if (sockets.of(visitor.get().tenantId(), visitor.get().id()).size() >= socketsPerVisitor) {
            return refuse(response, HttpStatus.TOO_MANY_REQUESTS);
        }
        attributes.put(VISITOR, visitor.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static Optional<String> bearer(ServerHttpRequest request) {
        List<String> offered = request.getHeaders().getOrEmpty("Sec-WebSocket-Protocol");
        return offered.stream().flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::strip)
                .filter(p -> p.startsWith(BEARER)).map(p -> p.substring(BEARER.length())).findFirst();
    }

    private static boolean refuse(ServerHttpResponse response, HttpStatus status) {
        response.setStatusCode(status);
        return false;
    }
}
