/**
 * What the LangChain4j-based vendor adapters share: the mapping between the agent's records and LangChain4j's
 * chat types, the blocking streaming call, and an HTTP client that keeps the retry hints LangChain4j drops.
 */
package dev.switchboard.agent.llm.langchain4j;
