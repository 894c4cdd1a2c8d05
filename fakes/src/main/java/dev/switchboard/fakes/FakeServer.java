package dev.switchboard.fakes;

import java.net.URI;

/**
 * A running fake: where it listens, and how to stop it. Every fake binds to 127.0.0.1 on the port it is given
 * (0 picks a free one), so tests run many side by side.
 */
public interface FakeServer extends AutoCloseable {

    /** The base URL a client is configured with, e.g. {@code http://127.0.0.1:41234} or {@code ws://...}. */
    URI baseUrl();

    @Override
    void close();
}
