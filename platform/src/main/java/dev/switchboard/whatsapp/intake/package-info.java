/** What an inbox event does: a customer message is routed into its conversation, a status is recorded on the message. */
package dev.switchboard.whatsapp.intake;
