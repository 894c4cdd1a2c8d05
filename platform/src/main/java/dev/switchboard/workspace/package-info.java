/**
 * Workspace: the human side of conversations. Automatic assignment of handed-off conversations, agent presence,
 * take-over, replies and private notes, canned replies, the audit trail of ownership, and the live updates the
 * dashboard receives over {@code /ws/workspace}. The root package is the module's API.
 */
package dev.switchboard.workspace;
