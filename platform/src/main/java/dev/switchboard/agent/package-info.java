/**
 * The AI agent: a small explicit graph (chatbot, tools, handoff) over a language model or the tenant's offline
 * flow, whose every step is persisted so a turn resumes after a crash. The root package is the module's API:
 * {@link dev.switchboard.agent.AgentTurns} for callers that stream a turn (voice), and the events it publishes.
 *
 * <h2>What a reply looks like</h2>
 * Each reply is an AI message sent through {@code Outbound.send}, with {@code content}
 * {@code {"brain":"llm"|"flow","language":"es"|"en","intent":...}} ({@code intent} only when the flow recognised
 * one). A reply that offers choices has kind {@code interactive} instead of {@code text}: its {@code text} is the
 * body, and {@code content.interactive} holds the choices in one of two shapes, which the WhatsApp and web chat
 * channels render:
 * <pre>{@code
 * {"buttons":[{"id":"confirm_visit","title":"Confirm visit"},{"id":"cancel_visit","title":"Cancel visit"}]}
 * {"list":{"button":"See slots","rows":[{"id":"2026-06-12_morning","title":"Thursday, June 12",
 *                                        "description":"morning (8am-2pm)"}]}}
 * }</pre>
 * Buttons are at most 3, titles at most 20 characters; a list has at most 10 rows, row titles at most 24 characters,
 * descriptions (optional) at most 72 and the list's button at most 20 (WhatsApp's limits, the strictest channel's).
 * Choices come from the formatter template of the conversation's channel ({@code buttons} or {@code list} in
 * {@code formatters/*.yaml}, Mustache in every text): of the flow's reply, or of the tools the model read just before
 * answering; and from a flow step that offers the alternatives a tool returned ({@code alternatives} in
 * {@code flow.yaml}: the free slots when the one asked for is taken).
 *
 * <h2>A tapped choice</h2>
 * The channel stores it as a customer message of kind {@code interactive_reply}, {@code content} {@code {"id","title"}}
 * and the title as its text. The model reads the title, as if typed; the flow reads the id: an offered alternative's
 * id picks it, and an id that names one of the flow's intents (e.g. {@code cancel_visit}) starts that intent.
 */
package dev.switchboard.agent;
