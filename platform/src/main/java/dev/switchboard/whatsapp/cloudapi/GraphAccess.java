package dev.switchboard.whatsapp.cloudapi;

import java.net.URI;

/** Where and as whom to call the Graph API for one business number. The token never appears in toString. */
public record GraphAccess(URI baseUrl, String version, String phoneNumberId, String businessAccountId,
                          String accessToken) {

    URI uri(String pathAndQuery) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + version + "/" + pathAndQuery);
    }

    @Override
    public String toString() {
        return "GraphAccess[" + baseUrl + ", " + version + ", number " + phoneNumberId + "]";
    }
}
