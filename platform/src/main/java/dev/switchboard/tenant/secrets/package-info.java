/** Per-tenant secrets encrypted at rest with AES-GCM under a master key kept outside the database. */
package dev.switchboard.tenant.secrets;
