/**
 * The agent's port to language models: its own request and reply records, retries with backoff and a fallback
 * model, and the choice of provider per tenant. Vendor clients live in subpackages and never leak their types.
 */
package dev.switchboard.agent.llm;
