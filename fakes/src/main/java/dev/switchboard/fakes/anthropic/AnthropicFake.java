package dev.switchboard.fakes.anthropic;

import dev.switchboard.fakes.FakeServer;
import dev.switchboard.fakes.http.LocalHttpServer;
import dev.switchboard.fakes.http.RequestLog;
import dev.switchboard.fakes.llm.Turn;
import dev.switchboard.fakes.llm.TurnScript;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A fake Anthropic Messages API. Point a client at {@code baseUrl() + "/v1/"} (LangChain4j) or {@code baseUrl()}
 * (the official SDKs). Tests script the next answers with {@link #enqueue(Turn)} and read back every request with
 * {@link #requests()}.
 */
public final class AnthropicFake implements FakeServer {

    private final LocalHttpServer server;
    private final TurnScript script = new TurnScript();
    private final RequestLog<MessagesRequest> log = new RequestLog<>();

    private AnthropicFake(AnthropicOptions options) {
        this.server = LocalHttpServer.bind(options.port());
        server.route("/", new MessagesEndpoint(options, script, log, server.shutdown())).start();
    }

    public static AnthropicFake start() {
        return start(AnthropicOptions.defaults());
    }

    public static AnthropicFake start(AnthropicOptions options) {
        return new AnthropicFake(options);
    }

    /** The next request, for any model, gets {@code turn}. */
    public AnthropicFake enqueue(Turn turn) {
        script.enqueue(turn);
        return this;
    }

    /** The next request for {@code model} gets {@code turn}; other models are unaffected. */
    public AnthropicFake enqueue(String model, Turn turn) {
        script.enqueue(model, turn);
        return this;
    }

    /** Every request for {@code model} gets {@code turn} once its queue is empty (e.g. a primary that is down). */
    public AnthropicFake always(String model, Turn turn) {
        script.always(model, turn);
        return this;
    }

    public TurnScript script() {
        return script;
    }

    /** Every {@code /v1/messages} request received, valid or not, in arrival order. */
    public List<MessagesRequest> requests() {
        return log.all();
    }

    public MessagesRequest lastRequest() {
        var all = log.all();
        if (all.isEmpty()) {
            throw new AssertionError("the Anthropic fake received no request");
        }
        return all.getLast();
    }

    public List<MessagesRequest> awaitRequests(int count, Duration timeout) {
        return log.await(count, timeout);
    }

    /** Forgets requests and script, for a fake shared by several tests. */
    public void reset() {
        log.clear();
        script.clear();
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
