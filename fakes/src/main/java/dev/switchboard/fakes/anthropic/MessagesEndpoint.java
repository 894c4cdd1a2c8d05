package dev.switchboard.fakes.anthropic;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.fakes.http.Ids;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;
import dev.switchboard.fakes.http.Responses;
import dev.switchboard.fakes.http.ShutdownSignal;
import dev.switchboard.fakes.llm.DefaultResponder;
import dev.switchboard.fakes.llm.Turn;
import dev.switchboard.fakes.llm.TurnScript;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@code POST /v1/messages} and {@code /v1/messages/count_tokens}: record, validate, answer the scripted turn. */
final class MessagesEndpoint implements HttpHandler {

    private final MessagesValidation validation;
    private final TurnScript script;
    private final DefaultResponder responder;
    private final RequestLog<MessagesRequest> log;
    private final ShutdownSignal shutdown;
    private final PromptCache cache = new PromptCache();

    MessagesEndpoint(AnthropicOptions options, TurnScript script, RequestLog<MessagesRequest> log,
                     ShutdownSignal shutdown) {
        this.validation = new MessagesValidation(options.apiKey());
        this.responder = options.responder();
        this.script = script;
        this.log = log;
        this.shutdown = shutdown;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        boolean countTokens = path.equals("/v1/messages/count_tokens");
        if (!"POST".equals(exchange.getRequestMethod()) || !(countTokens || path.equals("/v1/messages"))) {
            ApiError.notFound("Not found: " + exchange.getRequestMethod() + " " + path).write(exchange);
            return;
        }
        var request = new MessagesRequest(RecordedRequest.read(exchange));
        if (countTokens) {
            countTokens(exchange, request);
            return;
        }
        log.add(request);
        var problem = validation.check(request);
        if (problem.isPresent()) {
            problem.get().write(exchange);
            return;
        }
        answer(exchange, request, script.answer(request.model(), request.lastUserText(), responder));
    }

    private void answer(HttpExchange exchange, MessagesRequest request, Turn turn) throws IOException {
        if (turn.failsBeforeStreaming()) {
            ApiError.from(turn.failure()).write(exchange);
            return;
        }
        var reply = Reply.of(turn, request.model(), cache.usage(request, 0));
        exchange.getResponseHeaders().set("request-id", Ids.random("req_011", 21));
        rateLimitHeaders(exchange);
        if (request.streaming()) {
            MessageStream.write(exchange, reply, turn, shutdown);
            return;
        }
        if (turn.stall() || !shutdown.sleep(generationTime(turn, reply))) {
            shutdown.awaitClose();
            return;
        }
        Responses.json(exchange, 200, reply.message());
    }

    /** A non-streamed answer arrives when the whole generation would have finished. */
    private static Duration generationTime(Turn turn, Reply reply) {
        return turn.firstTokenDelay().plus(turn.interTokenDelay().multipliedBy(reply.usage().outputTokens()));
    }

    private static void rateLimitHeaders(HttpExchange exchange) {
        var reset = Instant.now().plusSeconds(60).toString();
        Map.of("anthropic-ratelimit-requests-limit", "4000", "anthropic-ratelimit-requests-remaining", "3999",
                "anthropic-ratelimit-requests-reset", reset).forEach(exchange.getResponseHeaders()::set);
    }

    private void countTokens(HttpExchange exchange, MessagesRequest request) throws IOException {
        var problem = validation.check(request.withDefaultMaxTokens());
        if (problem.isPresent()) {
            problem.get().write(exchange);
            return;
        }
        int tokens = new PromptCache().usage(request, 0).inputTokens();
        Responses.json(exchange, 200, Json.object().put("input_tokens", tokens));
    }
}
