/** Wire-faithful fake provider servers and the demo tenant's business API, each on the JDK's HTTP server. */
package dev.switchboard.fakes;
