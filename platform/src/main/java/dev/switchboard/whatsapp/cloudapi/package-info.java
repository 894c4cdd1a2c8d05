/**
 * Meta's Graph API and webhook wire formats: the HTTP client, the envelope parser, and the mappings between wire
 * JSON and the module's own records. Nothing shaped like Meta's JSON leaves this package.
 */
package dev.switchboard.whatsapp.cloudapi;
