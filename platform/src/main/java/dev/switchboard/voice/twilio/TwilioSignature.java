package dev.switchboard.voice.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature}: HMAC-SHA1 with the account's auth token over the URL Twilio requested followed by
 * the form parameters sorted by name; for JSON bodies, over the URL alone, whose {@code bodySHA256} query value
 * must match the body. Like Twilio's own validator, a signature made with the default port present or absent both
 * pass, because Twilio is not consistent about it. Comparisons are constant-time.
 */
public final class TwilioSignature {

    private TwilioSignature() {
    }

    public static String sign(String authToken, String url, Map<String, String> formParams) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(formParams).forEach((name, value) -> data.append(name).append(value));
        return hmac(authToken, data.toString());
    }

    public static boolean validForm(String authToken, String url, Map<String, String> formParams, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        boolean valid = false;
        for (String candidate : urlVariants(url)) {
            valid |= same(sign(authToken, candidate, formParams), signature);
        }
        return valid;
    }

    public static boolean validJson(String authToken, String url, byte[] body, String signature) {
        String expectedHash = queryValue(url, "bodySHA256");
        if (expectedHash == null || signature == null || signature.isEmpty()) {
            return false;
        }
        String actualHash = HexFormat.of().formatHex(sha256(body));
        boolean valid = false;
        for (String candidate : urlVariants(url)) {
            valid |= same(hmac(authToken, candidate), signature);
        }
        return valid & same(actualHash, expectedHash.toLowerCase());
    }

    /** The URL as given, with the scheme's default port added, and with any port removed. */
    static List<String> urlVariants(String url) {
        URI uri = URI.create(url);
        List<String> variants = new ArrayList<>(List.of(url));
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String rest = url.substring(url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
        String head = uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + uri.getHost();
        variants.add(head + rest);
        variants.add(head + ":" + (uri.getPort() == -1 ? defaultPort : uri.getPort()) + rest);
        return variants.stream().distinct().toList();
    }

    private static String queryValue(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
