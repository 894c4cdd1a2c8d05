/** Invitations: a one-time link with which a person sets their password and joins a tenant with a role. */
package dev.switchboard.identity.invitations;
