/** A fake of the Google Maps Distance Matrix API over a small built-in gazetteer, deterministic to the metre. */
package dev.switchboard.fakes.google;
