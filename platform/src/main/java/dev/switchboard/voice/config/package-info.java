/** Voice settings: each tenant's voice agents as its directory and the dashboard's overrides make them, and the operator's voice settings. */
package dev.switchboard.voice.config;
