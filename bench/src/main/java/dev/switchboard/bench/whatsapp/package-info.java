/** The WhatsApp webhook benchmark: signed inbound messages at a fixed rate into a platform it starts, replies caught by the Graph fake. */
package dev.switchboard.bench.whatsapp;
