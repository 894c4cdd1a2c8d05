/** The customer's language per message (Spanish or English) and the platform's own short phrases in each. */
package dev.switchboard.agent.language;
