/** The durable inbox of webhook events: group-committed writes, claims across nodes, and the workers that process them. */
package dev.switchboard.whatsapp.inbox;
