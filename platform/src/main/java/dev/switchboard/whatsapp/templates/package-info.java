/** The tenant's approved templates: listed from the Graph API, cached, and served to the dashboard and campaigns. */
package dev.switchboard.whatsapp.templates;
