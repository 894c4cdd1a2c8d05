/** Web chat visitors: signed visitor tokens, the tenant site's signed identity, and the endpoint issuing both. */
package dev.switchboard.webchat.visitor;
