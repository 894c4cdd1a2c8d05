/** Twilio: signed webhooks, TwiML, the media stream WebSocket with its call tokens, status callbacks and the REST calls API. */
package dev.switchboard.voice.twilio;
