package dev.switchboard.agent.llm.langchain4j;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.agent.llm.Cancellation;
import dev.switchboard.agent.llm.LanguageModel;
import dev.switchboard.agent.llm.ModelReply;
import dev.switchboard.agent.llm.ModelRequest;
import dev.switchboard.agent.llm.ModelUnavailable;
import dev.switchboard.agent.llm.ModelUsage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A LangChain4j streaming chat model as the agent's {@link LanguageModel}: one blocking call that forwards text
 * deltas as they arrive, measures time to first token, and maps every failure to {@link ModelUnavailable}.
 */
public final class StreamingLanguageModel implements LanguageModel {

    private final String provider;
    private final String model;
    private final StreamingChatModel chatModel;
    private final Function<TokenUsage, ModelUsage> usage;
    private final Duration idleTimeout;

    public StreamingLanguageModel(String provider, String model, StreamingChatModel chatModel,
                                  Function<TokenUsage, ModelUsage> usage, Duration idleTimeout) {
        this.provider = provider;
        this.model = model;
        this.chatModel = chatModel;
        this.usage = usage;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public ModelReply complete(ModelRequest request, DeltaSink deltas, Cancellation cancellation) {
        long started = System.nanoTime();
        Handler handler = new Handler(deltas, cancellation, started);
        try {
            StreamGuard.around(cancellation, idleTimeout, () -> {
                chatModel.chat(ChatRequests.of(request, model), handler);
                return null;
            });
            ChatResponse response = handler.result.get();
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            return new ModelReply(provider, model, response.aiMessage().text(), ChatRequests.toolCalls(response.aiMessage()),
                    response.tokenUsage() == null ? ModelUsage.NONE : usage.apply(response.tokenUsage()),
                    response.finishReason() == null ? null : response.finishReason().name().toLowerCase(java.util.Locale.ROOT),
                    latency, handler.firstToken, 1);
        } catch (ExecutionException e) {
            throw ProviderFailures.map(e.getCause(), handler.streamedText, cancellation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailable("interrupted", 0, false, null, handler.streamedText, e);
        } catch (Exception e) {
            throw ProviderFailures.map(e, handler.streamedText, cancellation);
        }
    }

    private static final class Handler implements StreamingChatResponseHandler {

        final CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        private final DeltaSink deltas;
        private final Cancellation cancellation;
        private final long started;
        volatile Duration firstToken;
        volatile boolean streamedText;

        Handler(DeltaSink deltas, Cancellation cancellation, long started) {
            this.deltas = deltas;
            this.cancellation = cancellation;
            this.started = started;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (cancellation.cancelled()) {
                context.streamingHandle().cancel();
                return;
            }
            if (firstToken == null) {
                firstToken = Duration.ofNanos(System.nanoTime() - started);
            }
            if (partial.text() != null && !partial.text().isEmpty()) {
                streamedText = true;
                deltas.accept(partial.text());
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (firstToken == null) {
                firstToken = Duration.ofNanos(System.nanoTime() - started);
            }
            result.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }
    }
}
