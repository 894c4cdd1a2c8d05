/** The channel router: deduplication, contact and conversation lookup, storage, hand-over to the owner. */
package dev.switchboard.conversation.router;
