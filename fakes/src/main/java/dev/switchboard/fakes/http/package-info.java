/** The plumbing every HTTP fake shares: a loopback JDK server, request recording, JSON and interruptible waits. */
package dev.switchboard.fakes.http;
