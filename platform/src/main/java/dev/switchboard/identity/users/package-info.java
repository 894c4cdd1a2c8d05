/** Users, memberships, password hashing and policy, and the caller's own profile. */
package dev.switchboard.identity.users;
