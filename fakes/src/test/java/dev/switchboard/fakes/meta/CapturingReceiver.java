package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.LocalHttpServer;
import dev.switchboard.fakes.http.QueryParameters;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;
import dev.switchboard.fakes.http.Responses;

import java.net.URI;

/** Stands in for the platform's webhook endpoint: keeps every request's raw bytes, answers 200. */
final class CapturingReceiver implements AutoCloseable {

    static final String VERIFY_TOKEN = "verify-me";

    private final LocalHttpServer server = LocalHttpServer.bind(0);
    private final RequestLog<RecordedRequest> received = new RequestLog<>();

    CapturingReceiver() {
        server.route("/", exchange -> {
            var request = RecordedRequest.read(exchange);
            if (request.method().equals("GET")) {
                var query = QueryParameters.of(request.uri());
                boolean ok = VERIFY_TOKEN.equals(query.get("hub.verify_token"));
                Responses.text(exchange, ok ? 200 : 403, ok ? query.get("hub.challenge") : "");
                return;
            }
            received.add(request);
            Responses.text(exchange, 200, "EVENT_RECEIVED");
        }).start();
    }

    URI url() {
        return URI.create(server.baseUrl() + "/webhooks/whatsapp");
    }

    RequestLog<RecordedRequest> received() {
        return received;
    }

    @Override
    public void close() {
        server.close();
    }
}
