/** Fan-out across nodes: what one node delivers reaches a visitor's sockets on the others (PostgreSQL LISTEN/NOTIFY). */
package dev.switchboard.webchat.cluster;
