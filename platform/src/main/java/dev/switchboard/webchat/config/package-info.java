/** The web chat's settings, read from the environment. */
package dev.switchboard.webchat.config;
