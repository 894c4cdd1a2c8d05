/**
 * Tools the agent may call: the tenant's declarative HTTP tools and the built-ins, their catalog per tenant, and
 * the executor that validates, guards, runs, formats and records each call as a TOOL message.
 */
package dev.switchboard.agent.tools;
