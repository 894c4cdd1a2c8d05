package dev.switchboard.fakes.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;
import dev.switchboard.fakes.http.Responses;
import dev.switchboard.fakes.http.ShutdownSignal;
import dev.switchboard.fakes.llm.Turn;
import dev.switchboard.fakes.llm.TurnScript;

import java.io.IOException;

/** {@code POST /v1/chat/completions}: record, validate, answer the scripted turn. */
final class ChatCompletionsEndpoint implements HttpHandler {

    private final OpenAiOptions options;
    private final CompletionValidation validation;
    private final TurnScript script;
    private final RequestLog<ChatCompletionRequest> log;
    private final ShutdownSignal shutdown;

    ChatCompletionsEndpoint(OpenAiOptions options, TurnScript script, RequestLog<ChatCompletionRequest> log,
                            ShutdownSignal shutdown) {
        this.options = options;
        this.validation = new CompletionValidation(options.apiKey());
        this.script = script;
        this.log = log;
        this.shutdown = shutdown;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/v1/chat/completions")) {
            new OpenAiError(404, "invalid_request_error", "unknown_url", "Unknown request URL: "
                    + exchange.getRequestMethod() + " " + path, null).write(exchange);
            return;
        }
        var request = new ChatCompletionRequest(RecordedRequest.read(exchange));
        log.add(request);
        var problem = validation.check(request);
        if (problem.isPresent()) {
            problem.get().write(exchange);
            return;
        }
        answer(exchange, request, script.answer(request.model(), request.lastUserText(), options.responder()));
    }

    private void answer(HttpExchange exchange, ChatCompletionRequest request, Turn turn) throws IOException {
        if (turn.failsBeforeStreaming()) {
            OpenAiError.from(turn.failure()).write(exchange);
            return;
        }
        var completion = Completion.of(turn, request, options.quirks().contains(Quirk.FINISH_STOP_WITH_TOOL_CALLS));
        if (request.streaming()) {
            CompletionStream.write(exchange, completion, turn, request.includeUsage(), options.quirks(), shutdown);
            return;
        }
        var generation = turn.firstTokenDelay().plus(turn.interTokenDelay().multipliedBy(completion.completionTokens()));
        if (turn.stall() || !shutdown.sleep(generation)) {
            shutdown.awaitClose();
            return;
        }
        Responses.json(exchange, 200, completion.body());
    }
}
