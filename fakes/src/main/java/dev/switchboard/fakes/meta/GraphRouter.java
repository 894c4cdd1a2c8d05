package dev.switchboard.fakes.meta;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.fakes.http.QueryParameters;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Routes Graph paths ({@code /v23.0/{id}/messages}, {@code /{id}/media}, {@code /{waba}/message_templates},
 * {@code /{media-id}}) after the access-token check; the version segment is optional, as Graph treats it.
 */
final class GraphRouter implements HttpHandler {

    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

    private final String accessToken;
    private final SendEndpoint send;
    private final MediaEndpoints media;
    private final TemplatesEndpoint templates;
    private final RequestLog<RecordedRequest> log;

    GraphRouter(String accessToken, SendEndpoint send, MediaEndpoints media, TemplatesEndpoint templates,
                RequestLog<RecordedRequest> log) {
        this.accessToken = accessToken;
        this.send = send;
        this.media = media;
        this.templates = templates;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().startsWith(MediaEndpoints.DOWNLOAD_PATH)) {
            media.download(exchange);
            return;
        }
        var request = RecordedRequest.read(exchange);
        log.add(request);
        var token = token(request);
        if (token == null || !token.equals(accessToken)) {
            (token == null ? GraphError.missingToken() : GraphError.invalidToken()).write(exchange);
            return;
        }
        route(exchange, request, segments(request.path()));
    }

    private void route(HttpExchange exchange, RecordedRequest request, List<String> path) throws IOException {
        var method = request.method();
        var edge = path.size() == 2 ? path.get(1) : "";
        if (path.size() == 2 && method.equals("POST") && edge.equals("messages")) {
            send.handle(exchange, request, path.getFirst());
        } else if (path.size() == 2 && method.equals("POST") && edge.equals("media")) {
            media.upload(exchange, request);
        } else if (path.size() == 2 && method.equals("GET") && edge.equals("message_templates")) {
            templates.list(exchange);
        } else if (path.size() == 1 && method.equals("GET")) {
            media.metadata(exchange, path.getFirst());
        } else if (path.size() == 1 && method.equals("DELETE")) {
            media.delete(exchange, path.getFirst());
        } else {
            new GraphError(400, 2500, null, "Unknown path components: " + request.path(), null).write(exchange);
        }
    }

    private static List<String> segments(String path) {
        var segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return !segments.isEmpty() && VERSION.matcher(segments.getFirst()).matches()
                ? segments.subList(1, segments.size()) : segments;
    }

    /** Graph takes the token as a bearer header or as the {@code access_token} query parameter. */
    private static String token(RecordedRequest request) {
        var authorization = request.header("authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return authorization.substring(7);
        }
        return QueryParameters.of(request.uri()).get("access_token");
    }
}
