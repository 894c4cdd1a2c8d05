package dev.switchboard.bench.voice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a local caller finds the demo tenant's secrets: the Twilio auth token it signs webhooks with and the demo
 * password it reads the call back with, from the environment or the files the platform generated in
 * SWITCHBOARD_HOME. Each value says where it came from, so the user can see it.
 */
record DemoCredentials(String value, String source) {

    static DemoCredentials twilioToken(Options options) {
        return find(options.string("token", null), "--token", "SWITCHBOARD_DEMO_TWILIO_AUTH_TOKEN", "demo-twilio-auth-token");
    }

    static DemoCredentials password() {
        return find(null, null, "SWITCHBOARD_DEMO_PASSWORD", "demo-password");
    }

    private static DemoCredentials find(String given, String flag, String variable, String file) {
        if (given != null) {
            return new DemoCredentials(given, flag);
        }
        String env = System.getenv(variable);
        if (env != null && !env.isBlank()) {
            return new DemoCredentials(env, "$" + variable);
        }
        Path home = Path.of(System.getenv().getOrDefault("SWITCHBOARD_HOME", ".switchboard"));
        Path path = home.resolve(file).toAbsolutePath();
        try {
            return Files.exists(path) ? new DemoCredentials(Files.readString(path).strip(), path.toString()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
