/** Each tenant's WhatsApp account: its business number and settings from the tenant directory, its secrets. */
package dev.switchboard.whatsapp.account;
