/** The audit trail of conversation ownership: every change, who made it, from which state to which, and why. */
package dev.switchboard.workspace.audit;
