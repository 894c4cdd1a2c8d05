/** Reads the web chat makes of conversation data, each in a transaction of its own. */
package dev.switchboard.webchat.store;
