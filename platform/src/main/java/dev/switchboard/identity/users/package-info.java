/**
 * Users, memberships, password hashing and policy, and the caller's own profile. Published as the module's
 * "users" interface for code that provisions people (the demo seeder, invitations).
 */
@org.springframework.modulith.NamedInterface("users")
package dev.switchboard.identity.users;
