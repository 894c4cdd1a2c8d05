/** The workspace's HTTP API under {@code /api/v1/tenants/{slug}}: conversations, their messages, agents. */
package dev.switchboard.workspace.web;
