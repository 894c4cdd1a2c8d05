/** The web chat benchmark: many widget sessions against a platform whose LLM is the Anthropic fake. */
package dev.switchboard.bench.webchat;
