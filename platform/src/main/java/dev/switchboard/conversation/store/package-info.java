/** PostgreSQL storage of contacts, conversations and messages (tenant rows under row-level security). */
package dev.switchboard.conversation.store;
