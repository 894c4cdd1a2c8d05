/** Login, access tokens (short-lived JWTs) and refresh tokens (rotated, reuse revokes the family), throttling. */
package dev.switchboard.identity.auth;
