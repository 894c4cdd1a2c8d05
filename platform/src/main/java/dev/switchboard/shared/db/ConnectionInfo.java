package dev.switchboard.shared.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A JDBC URL with the credentials to use on it. */
record ConnectionInfo(String jdbcUrl, String user, String password) {

    /** Accepts {@code jdbc:postgresql://host/db} and the common {@code postgres://user:pass@host:port/db} form. */
    static ConnectionInfo parse(String url, String user, String password) {
        if (url.startsWith("jdbc:")) {
            return new ConnectionInfo(url, user, password);
        }
        URI uri = URI.create(url);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must start with jdbc:postgresql:, postgres: or postgresql:");
        }
        String urlUser = null;
        String urlPassword = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            urlUser = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            urlPassword = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        return new ConnectionInfo(jdbc, user != null && !user.isBlank() ? user : urlUser,
                password != null && !password.isBlank() ? password : urlPassword);
    }

    ConnectionInfo as(String otherUser, String otherPassword) {
        return new ConnectionInfo(jdbcUrl, otherUser, otherPassword);
    }

    @Override
    public String toString() {
        return jdbcUrl + " as " + user;
    }
}
