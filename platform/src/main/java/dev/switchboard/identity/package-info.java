/**
 * Identity: users, their memberships and roles per tenant, login with rotating refresh tokens, short-lived
 * access tokens, invitations, and the web security that binds every tenant-scoped request to its tenant.
 */
package dev.switchboard.identity;
