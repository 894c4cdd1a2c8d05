package dev.switchboard.agent.tools.net;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

public record OutboundResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
