/** Short-lived reuse of tenant rows read from the database (overrides, secrets), shared by the module's parts. */
package dev.switchboard.tenant.cache;
