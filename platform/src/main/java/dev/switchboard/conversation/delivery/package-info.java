/** Outbound delivery: stores a reply, then hands it to the sender of the conversation's channel after commit. */
package dev.switchboard.conversation.delivery;
