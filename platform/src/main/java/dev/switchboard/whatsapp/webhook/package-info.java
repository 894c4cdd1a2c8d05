/** Meta's webhook edge: the subscription handshake, the signature check, and the durable write before the 200. */
package dev.switchboard.whatsapp.webhook;
