/**
 * The AI agent: a small explicit graph (chatbot, tools, handoff) over a language model or the tenant's offline
 * flow, whose every step is persisted so a turn resumes after a crash. The root package is the module's API:
 * {@link dev.switchboard.agent.AgentTurns} for callers that stream a turn (voice), and the events it publishes.
 */
package dev.switchboard.agent;
