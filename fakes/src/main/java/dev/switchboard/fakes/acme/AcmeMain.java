package dev.switchboard.fakes.acme;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo business API on its own: {@code AcmeMain [port]}, with the bearer token in
 * SWITCHBOARD_DEMO_API_TOKEN. Stops on SIGINT/SIGTERM.
 */
public final class AcmeMain {

    private AcmeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8091;
        String token = System.getenv("SWITCHBOARD_DEMO_API_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("set SWITCHBOARD_DEMO_API_TOKEN to the token the platform will present");
            System.exit(2);
        }
        AcmeBusinessApi api = AcmeBusinessApi.start(port, token);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            stopped.countDown();
        }));
        System.out.println("fake acme-business-api listening on " + api.baseUrl());
        stopped.await();
    }
}
