/**
 * Outbound HTTP to tenant-configured URLs, safe against SSRF: HTTPS only without the operator's opt-in, every
 * resolved address checked, the connection made to the checked address, redirects re-checked, size and time capped.
 */
package dev.switchboard.agent.tools.net;
