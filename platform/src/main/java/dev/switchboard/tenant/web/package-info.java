/**
 * The tenant-scoped HTTP API for a tenant's own definition, settings and secrets. The tenant comes from the
 * route filter that authorised the caller, never from the request body.
 */
package dev.switchboard.tenant.web;
