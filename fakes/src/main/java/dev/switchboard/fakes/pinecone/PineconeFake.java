package dev.switchboard.fakes.pinecone;

import dev.switchboard.fakes.FakeServer;
import dev.switchboard.fakes.http.LocalHttpServer;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;

import java.net.URI;
import java.util.List;

/**
 * A fake Pinecone index host. Point the client's index host at {@link #baseUrl()} and send the options' key as
 * {@code Api-Key}. Seeded with {@link AddressSeed} unless the options say otherwise; tests load more through
 * {@link #index()} or {@code POST /vectors/upsert}.
 */
public final class PineconeFake implements FakeServer {

    private final LocalHttpServer server;
    private final VectorIndex index;
    private final RequestLog<RecordedRequest> log = new RequestLog<>();

    private PineconeFake(PineconeOptions options) {
        index = new VectorIndex(options.dimension(), options.metric());
        if (options.seedAddresses()) {
            AddressSeed.load(index);
        }
        server = LocalHttpServer.bind(options.port());
        server.route("/", new DataPlaneEndpoint(options.apiKey(), index, log)).start();
    }

    public static PineconeFake start() {
        return start(PineconeOptions.defaults());
    }

    public static PineconeFake start(PineconeOptions options) {
        return new PineconeFake(options);
    }

    public VectorIndex index() {
        return index;
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
