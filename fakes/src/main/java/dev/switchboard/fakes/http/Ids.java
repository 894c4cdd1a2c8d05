package dev.switchboard.fakes.http;

import java.security.SecureRandom;

/** Provider-looking identifiers ({@code msg_01...}, {@code wamid.HBgL...}): unique, random, base62. */
public final class Ids {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String random(String prefix, int length) {
        var id = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            id.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return id.toString();
    }

    public static String digits(int length) {
        var id = new StringBuilder(length).append((char) ('1' + RANDOM.nextInt(9)));
        for (int i = 1; i < length; i++) {
            id.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return id.toString();
    }
}
