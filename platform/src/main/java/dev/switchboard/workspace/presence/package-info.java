/** Agent presence: each open dashboard connection's heartbeat, shared by every node through PostgreSQL. */
package dev.switchboard.workspace.presence;
