/** Versioned dashboard overrides over the tenant directory's defaults, and the API that edits them. */
package dev.switchboard.tenant.config;
