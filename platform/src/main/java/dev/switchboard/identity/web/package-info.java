/** Web security: bearer access tokens, the tenant route guard, CORS and security headers. */
package dev.switchboard.identity.web;
