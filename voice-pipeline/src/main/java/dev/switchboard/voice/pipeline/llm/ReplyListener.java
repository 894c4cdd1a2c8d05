package dev.switchboard.voice.pipeline.llm;

/**
 * Receives a reply as it streams. Text arrives in deltas of any size; tool calls are announced so the pipeline can
 * suspend interruptions and speak a holding phrase while a slow tool runs. Exactly one of {@link #completed()} and
 * {@link #failed(Throwable)} ends the reply. Safe to call from any thread.
 */
public interface ReplyListener {

    void text(String delta);

    void toolStarted(ToolCall call);

    void toolFinished(ToolCall call, boolean succeeded);

    void completed();

    void failed(Throwable error);
}
