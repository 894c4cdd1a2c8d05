/** Makes reply text safe for the widget: the small markdown subset it renders, nothing that loads or runs. */
package dev.switchboard.webchat.render;
