/**
 * The agent graph: a turn runs chatbot, tools, chatbot... until the model answers without tools or a handoff
 * step escalates; every step is persisted and the rows are the state, so a turn resumes on any node after a crash.
 */
package dev.switchboard.agent.graph;
