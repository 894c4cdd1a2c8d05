/** The widget's web edge: each tenant's allowed origins and link hosts, CORS, the widget configuration, the demo page. */
package dev.switchboard.webchat.site;
