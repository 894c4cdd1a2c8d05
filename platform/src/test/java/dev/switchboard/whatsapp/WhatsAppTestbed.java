package dev.switchboard.whatsapp;

import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.fakes.meta.BusinessNumber;
import dev.switchboard.fakes.meta.GraphFake;
import dev.switchboard.fakes.meta.GraphOptions;
import dev.switchboard.fakes.meta.WebhookDriver;
import dev.switchboard.fakes.meta.WindowRule;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.whatsapp.account.WhatsAppAccount;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Connects the demo tenant's WhatsApp number to one Graph fake per JVM: the fake's URL in Acme's tenant.yaml
 * (written like an operator would, picked up by hot reload), the fake's token and an app secret as Acme's
 * secrets, and status callbacks from the fake back to Acme's webhook. Every test talks through the real webhook
 * and the real Graph client, and uses customers of its own ({@link #newCustomer()}).
 */
final class WhatsAppTestbed {

    static final String APP_SECRET = "acme-whatsapp-app-secret-for-tests";
    static final String VERIFY_TOKEN = "acme-verify-token-7d2";
    static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);
    static final Duration WAIT = Duration.ofSeconds(15);

    private static GraphFake graph;

    private final TestApi api;
    private final OwnerDatabase owner;

    private WhatsAppTestbed(TestApi api, OwnerDatabase owner) {
        this.api = api;
        this.owner = owner;
    }

    static synchronized WhatsAppTestbed connect(TestApi api, TenantsFolder tenants, TenantSecrets secrets,
                                                WhatsAppAccounts accounts, OwnerDatabase owner) {
        if (graph == null) {
            graph = GraphFake.start(GraphOptions.defaults().withThroughput(1000).withWindowRule(WindowRule.REJECT)
                    .withStatusCallback(URI.create(api.baseUrl() + "/webhooks/whatsapp/acme"), APP_SECRET));
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(graph::close));
        }
        graph.throughput(1000);
        secrets.store(ACME, WhatsAppAccount.ACCESS_TOKEN, GraphOptions.defaults().accessToken(), null);
        secrets.store(ACME, WhatsAppAccount.APP_SECRET, APP_SECRET, null);
        secrets.store(ACME, WhatsAppAccount.VERIFY_TOKEN, VERIFY_TOKEN, null);
        accounts.forgetSecrets(ACME);
        if (!pointsAtFake(accounts)) {
            String yaml = tenants.read("acme", "tenant.yaml").replaceAll("(?m)^    baseUrl: .*\n", "").replaceFirst("(?m)^    messagesPerSecond: \\d+$",
                    "    messagesPerSecond: 500\n    baseUrl: " + graph.baseUrl());
            tenants.write("acme", "tenant.yaml", yaml);
            await("Acme's tenant.yaml to point at the Graph fake", () -> pointsAtFake(accounts));
        }
        return new WhatsAppTestbed(api, owner);
    }

    private static boolean pointsAtFake(WhatsAppAccounts accounts) {
        return accounts.find(ACME).filter(a -> a.baseUrl().equals(graph.baseUrl()) && a.connected()).isPresent();
    }

    GraphFake graph() {
        return graph;
    }

    URI webhookUrl() {
        return URI.create(api.baseUrl() + "/webhooks/whatsapp/acme");
    }

    WebhookDriver driver() {
        return WebhookDriver.create(webhookUrl(), APP_SECRET, BusinessNumber.demo()).notifying(graph);
    }

    /** A customer no other test uses. */
    static String newCustomer() {
        return "346" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** The customer message stored for a wamid, as the owner sees it: kind, text, content, conversation. */
    Optional<Map<String, Object>> customerMessage(String wamid) {
        return owner.jdbc().sql("""
                select kind, text, content::text as content, conversation_id from messages
                 where provider_message_id = :wamid and role = 'customer'""").param("wamid", wamid)
                .query().listOfRows().stream().findFirst();
    }

    Map<String, Object> awaitCustomerMessage(String wamid) {
        await("customer message " + wamid, () -> customerMessage(wamid).isPresent());
        return customerMessage(wamid).orElseThrow();
    }

    long count(String sql, Object... parameters) {
        var statement = owner.jdbc().sql(sql);
        for (Object parameter : parameters) {
            statement = statement.param(parameter);
        }
        return statement.query(Long.class).single();
    }

    OwnerDatabase owner() {
        return owner;
    }

    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
