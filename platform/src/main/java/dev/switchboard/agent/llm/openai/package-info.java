/** Any OpenAI-compatible chat-completions server (Ollama, vLLM, llama.cpp) through LangChain4j's OpenAI model. */
package dev.switchboard.agent.llm.openai;
