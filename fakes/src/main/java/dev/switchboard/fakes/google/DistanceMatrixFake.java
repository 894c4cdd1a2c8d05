package dev.switchboard.fakes.google;

import dev.switchboard.fakes.FakeServer;
import dev.switchboard.fakes.http.LocalHttpServer;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;

import java.net.URI;
import java.util.List;

/**
 * A fake Google Maps Distance Matrix API. Point the client's Maps base URL at {@link #baseUrl()} (it then calls
 * {@code /maps/api/distancematrix/json}); the same inputs always give the same metres and seconds.
 */
public final class DistanceMatrixFake implements FakeServer {

    private final LocalHttpServer server;
    private final Gazetteer gazetteer = Gazetteer.builtIn();
    private final RequestLog<RecordedRequest> log = new RequestLog<>();

    private DistanceMatrixFake(DistanceMatrixOptions options) {
        server = LocalHttpServer.bind(options.port());
        server.route("/", new DistanceMatrixEndpoint(options.apiKey(), gazetteer, log)).start();
    }

    public static DistanceMatrixFake start() {
        return start(DistanceMatrixOptions.defaults());
    }

    public static DistanceMatrixFake start(DistanceMatrixOptions options) {
        return new DistanceMatrixFake(options);
    }

    /** The places the fake knows; add the tenant's own addresses here. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public List<RecordedRequest> requests() {
        return log.all();
    }

    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }
}
