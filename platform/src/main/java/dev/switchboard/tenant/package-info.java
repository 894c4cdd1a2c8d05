/**
 * Tenants: the registry loaded from the tenant directories, the effective configuration (directory defaults
 * overlaid by dashboard overrides) and the tenant's encrypted secrets. The root package is the module's API.
 */
package dev.switchboard.tenant;
