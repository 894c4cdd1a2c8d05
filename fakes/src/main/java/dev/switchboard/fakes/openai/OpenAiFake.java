package dev.switchboard.fakes.openai;

import dev.switchboard.fakes.FakeServer;
import dev.switchboard.fakes.http.LocalHttpServer;
import dev.switchboard.fakes.http.RequestLog;
import dev.switchboard.fakes.llm.Turn;
import dev.switchboard.fakes.llm.TurnScript;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A fake OpenAI-compatible chat-completions server. Point a client at {@code baseUrl() + "/v1"}. Tests script the
 * next answers with {@link #enqueue(Turn)} and read back every request with {@link #requests()}.
 */
public final class OpenAiFake implements FakeServer {

    private final LocalHttpServer server;
    private final TurnScript script = new TurnScript();
    private final RequestLog<ChatCompletionRequest> log = new RequestLog<>();

    private OpenAiFake(OpenAiOptions options) {
        this.server = LocalHttpServer.bind(options.port());
        server.route("/", new ChatCompletionsEndpoint(options, script, log, server.shutdown())).start();
    }

    public static OpenAiFake start() {
        return start(OpenAiOptions.defaults());
    }

    public static OpenAiFake start(OpenAiOptions options) {
        return new OpenAiFake(options);
    }

    /** The next request, for any model, gets {@code turn}. */
    public OpenAiFake enqueue(Turn turn) {
        script.enqueue(turn);
        return this;
    }

    /** The next request for {@code model} gets {@code turn}; other models are unaffected. */
    public OpenAiFake enqueue(String model, Turn turn) {
        script.enqueue(model, turn);
        return this;
    }

    /** Every request for {@code model} gets {@code turn} once its queue is empty (e.g. a primary that is down). */
    public OpenAiFake always(String model, Turn turn) {
        script.always(model, turn);
        return this;
    }

    public TurnScript script() {
        return script;
    }

    /** Every {@code /v1/chat/completions} request received, valid or not, in arrival order. */
    public List<ChatCompletionRequest> requests() {
        return log.all();
    }

    public ChatCompletionRequest lastRequest() {
        var all = log.all();
        if (all.isEmpty()) {
            throw new AssertionError("the OpenAI fake received no request");
        }
        return all.getLast();
    }

    public List<ChatCompletionRequest> awaitRequests(int count, Duration timeout) {
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
