/**
 * Live updates for the dashboard: changes are announced with PostgreSQL NOTIFY (ids only) once the transaction that
 * made them commits, every node LISTENs, re-reads what changed under the subscriber's tenant and pushes it over the
 * {@code /ws/workspace} WebSocket to the connections authorised for that tenant.
 */
package dev.switchboard.workspace.live;
