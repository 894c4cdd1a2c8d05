/** What agents do to a conversation: take it over, reassign it, return it to the AI, end it, reply, note. */
package dev.switchboard.workspace.handling;
