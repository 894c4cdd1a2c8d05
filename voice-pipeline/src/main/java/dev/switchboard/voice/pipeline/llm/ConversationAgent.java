package dev.switchboard.voice.pipeline.llm;

/**
 * The port the platform implements with its AI agent, so one agent configuration and one tool registry serve voice
 * and text. {@link #respond} must return at once; the answer is streamed to the listener from any thread, and
 * {@link AgentReply#cancel()} is called when the caller interrupts.
 */
@FunctionalInterface
public interface ConversationAgent {

    AgentReply respond(AgentTurn turn, ReplyListener listener);
}
