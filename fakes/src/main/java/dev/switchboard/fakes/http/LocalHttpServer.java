package dev.switchboard.fakes.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK HTTP server bound to 127.0.0.1, one virtual thread per exchange, so a stalled or slow scripted reply never
 * holds up another request.
 */
public final class LocalHttpServer implements AutoCloseable {

    static {
        // Streaming fakes write many small chunks; without TCP_NODELAY Nagle plus delayed ACKs adds ~40 ms gaps
        // that would distort every latency a benchmark measures. The server reads this once, at class load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ShutdownSignal shutdown = new ShutdownSignal();

    private LocalHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds to 127.0.0.1 on {@code port}; 0 picks a free port. Routes are added before {@link #start()}. */
    public static LocalHttpServer bind(int port) {
        try {
            var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            var server = HttpServer.create(address, BACKLOG);
            var executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            return new LocalHttpServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
    }

    /** Sends every request whose path starts with {@code pathPrefix} to {@code handler}; failures become a 500. */
    public LocalHttpServer route(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, new GuardedHandler(handler));
        return this;
    }

    public LocalHttpServer start() {
        server.start();
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Released on close, so scripted delays and stalls end instead of keeping threads alive. */
    public ShutdownSignal shutdown() {
        return shutdown;
    }

    @Override
    public void close() {
        shutdown.fire();
        server.stop(0);
        executor.shutdownNow();
    }
}
