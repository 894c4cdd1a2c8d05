/** The narrow port the platform's agent implements, and the sentence chunking that lets speech start before the answer ends. */
package dev.switchboard.voice.pipeline.llm;
