/** Renders tool results and replies with the tenant's formatters: Mustache templates per language and channel. */
package dev.switchboard.agent.format;
