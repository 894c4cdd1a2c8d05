package dev.switchboard.agent.llm;

/** One model of one provider. Blocking (turns run on virtual threads); text streams through {@code deltas}. */
public interface LanguageModel {

    String provider();

    String model();

    /**
     * @throws ModelUnavailable when the provider failed; {@link ModelUnavailable#retriable()} says whether trying
     *                          again may help
     */
    ModelReply complete(ModelRequest request, DeltaSink deltas, Cancellation cancellation);

    /** Receives reply text as it streams. */
    @FunctionalInterface
    interface DeltaSink {
        void accept(String delta);
    }
}
