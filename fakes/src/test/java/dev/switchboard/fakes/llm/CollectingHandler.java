package dev.switchboard.fakes.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Collects what a LangChain4j streaming model hands its handler, for assertions. */
public final class CollectingHandler implements StreamingChatResponseHandler {

    private final List<String> partials = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    @Override
    public void onPartialResponse(String partialResponse) {
        partials.add(partialResponse);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    public List<String> partials() {
        return List.copyOf(partials);
    }

    public ChatResponse response(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the stream failed", e.getCause());
        }
    }

    public Throwable error(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            var response = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected an error, got " + response);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
