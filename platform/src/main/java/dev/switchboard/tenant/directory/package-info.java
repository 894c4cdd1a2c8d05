/** Reading, validating and hot-reloading the tenant directories under {@code tenants/}. */
package dev.switchboard.tenant.directory;
