/** Claude through LangChain4j's Anthropic streaming model, with the system prompt and tools marked for caching. */
package dev.switchboard.agent.llm.anthropic;
