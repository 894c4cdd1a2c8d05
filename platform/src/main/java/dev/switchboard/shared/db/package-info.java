/**
 * Database wiring: the embedded PostgreSQL default, migrations as the owner role, the application's pool as a
 * role that owns nothing and cannot bypass row-level security, and the transaction manager that hands the
 * current tenant to PostgreSQL at the start of every transaction.
 */
package dev.switchboard.shared.db;
