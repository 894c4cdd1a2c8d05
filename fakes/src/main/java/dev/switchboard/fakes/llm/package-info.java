/** Scripted model turns shared by the LLM fakes: what to answer, how fast, and how to fail. */
package dev.switchboard.fakes.llm;
