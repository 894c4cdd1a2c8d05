package dev.switchboard.whatsapp.account;

import dev.switchboard.whatsapp.cloudapi.GraphAccess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One tenant's WhatsApp business number: settings from {@code channels.whatsapp} in tenant.yaml, secrets from the
 * tenant's encrypted store. Secret values never appear in toString.
 *
 * @param messagesPerSecond the send pace for this number (Meta's default 80, up to 1,000 once Meta raised it)
 */
public record WhatsAppAccount(UUID tenantId, String slug, boolean enabled, String phoneNumberId,
                              String businessAccountId, String graphVersion, URI baseUrl, int messagesPerSecond,
                              String defaultLanguage, String accessToken, String appSecret, String verifyToken) {

    public static final String ACCESS_TOKEN = "whatsapp_access_token";
    public static final String APP_SECRET = "whatsapp_app_secret";
    public static final String VERIFY_TOKEN = "whatsapp_verify_token";

    /** What is still missing before the number can receive and send; empty when connected. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (phoneNumberId == null || phoneNumberId.isBlank()) {
            missing.add("channels.whatsapp.phoneNumberId in tenant.yaml");
        }
        if (accessToken == null) {
            missing.add("secret " + ACCESS_TOKEN);
        }
        if (appSecret == null) {
            missing.add("secret " + APP_SECRET);
        }
        return missing;
    }

    public boolean connected() {
        return enabled && missing().isEmpty();
    }

    public GraphAccess graph() {
        return new GraphAccess(baseUrl, graphVersion, phoneNumberId, businessAccountId, accessToken);
    }

    @Override
    public String toString() {
        return "WhatsAppAccount[" + slug + ", number " + phoneNumberId + ", " + baseUrl + "]";
    }
}
