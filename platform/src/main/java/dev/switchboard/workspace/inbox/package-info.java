/**
 * The workspace's read model: conversation lists with filters, text search and cursor pagination, one
 * conversation with its contact, and its messages. Reads only; every change goes through the conversation API.
 */
package dev.switchboard.workspace.inbox;
