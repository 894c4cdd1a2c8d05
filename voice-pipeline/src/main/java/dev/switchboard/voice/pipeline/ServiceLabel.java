package dev.switchboard.voice.pipeline;

/**
 * What a speech service is, for logs and the dashboard: the provider, the model or voice, and whether it is an
 * offline stand-in for a commercial service (pocketsphinx, flite) that the product should call out as such.
 */
public record ServiceLabel(String provider, String model, boolean offlineStandIn) {

    @Override
    public String toString() {
        return provider + " " + model + (offlineStandIn ? " (offline stand-in)" : "");
    }
}
