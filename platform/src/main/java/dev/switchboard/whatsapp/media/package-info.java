/** Inbound media: fetched from the Graph API, stored under SWITCHBOARD_HOME, described (and voice notes transcribed) for the agent. */
package dev.switchboard.whatsapp.media;
