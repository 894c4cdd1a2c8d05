/**
 * The shared kernel every module may use: the current tenant scope, the error vocabulary mapped to problem
 * details at the web edge, and the database wiring that enforces tenant isolation per transaction.
 */
package dev.switchboard.shared;
