/** A fake of the WhatsApp Cloud API (Meta Graph) and a driver that signs and delivers its webhooks. */
package dev.switchboard.fakes.meta;
