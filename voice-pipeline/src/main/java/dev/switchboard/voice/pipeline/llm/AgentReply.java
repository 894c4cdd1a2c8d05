package dev.switchboard.voice.pipeline.llm;

/** A reply being generated; cancelling stops the LLM (and any tool it can still abandon) and silences the listener. */
@FunctionalInterface
public interface AgentReply {

    void cancel();
}
