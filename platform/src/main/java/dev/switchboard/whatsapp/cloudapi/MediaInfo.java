package dev.switchboard.whatsapp.cloudapi;

/** A media object's metadata from the Graph API; {@code url} is short-lived and needs the token. */
public record MediaInfo(String id, String url, String mimeType, String sha256, long fileSize) {
}
