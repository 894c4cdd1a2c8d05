/** Automatic assignment: conversations waiting for a human are offered to online agents, least loaded first. */
package dev.switchboard.workspace.assignment;
