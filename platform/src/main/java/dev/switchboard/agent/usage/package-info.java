/** Tokens and cost of every model call, and the tenant's budgets (tokens, turns, messages, tool calls, steps). */
package dev.switchboard.agent.usage;
