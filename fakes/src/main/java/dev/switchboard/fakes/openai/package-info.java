/** A scriptable fake of the OpenAI-compatible chat-completions API as Ollama, vLLM and llama.cpp serve it. */
package dev.switchboard.fakes.openai;
