/**
 * The WhatsApp channel on Meta's Cloud API: signed webhooks into a durable inbox, inbound messages routed to
 * conversations, replies, interactive and template messages paced per business number, delivery statuses, and
 * the tenant's approved templates. The root package is the module's API (templates and template sends for
 * campaigns, the status event).
 */
package dev.switchboard.whatsapp;
