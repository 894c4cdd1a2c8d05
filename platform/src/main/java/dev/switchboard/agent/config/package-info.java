/** The operator's settings of the agent module (provider keys and URLs, retries, leases, prices). */
package dev.switchboard.agent.config;
