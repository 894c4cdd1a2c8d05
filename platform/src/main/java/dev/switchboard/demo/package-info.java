/**
 * The out-of-the-box demo: seeds the demo tenant's users and its business API token, and prints what a
 * newcomer needs after {@code ./switchboard run}: the URLs, the logins, and which parts are offline stand-ins.
 */
package dev.switchboard.demo;
