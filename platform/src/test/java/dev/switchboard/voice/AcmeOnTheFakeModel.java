package dev.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.fakes.anthropic.AnthropicFake;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Points the demo tenant's agent at the fake Anthropic API (and back), as the agent's own LLM tests do. */
final class AcmeOnTheFakeModel {

    static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);

    private AcmeOnTheFakeModel() {
    }

    static void point(TenantsFolder folder, Tenants tenants, TenantSecrets secrets, AnthropicFake anthropic) throws InterruptedException {
        String yaml = folder.read("acme", "tenant.yaml");
        folder.write("acme", "tenant.yaml", yaml.replace("  provider: anthropic\n",
                "  provider: anthropic\n  baseUrl: " + anthropic.baseUrl() + "\n"));
        TenantScope.run(ACME, () -> {
            secrets.store(ACME, "anthropic_api_key", "sk-test", null);
            secrets.store(ACME, "twilio_auth_token", PhoneCaller.TOKEN, null);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!String.valueOf(anthropic.baseUrl()).equals(tenants.find(ACME).orElseThrow().agent().baseUrl())) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static void restore(TenantsFolder folder, TenantSecrets secrets) {
        TenantScope.run(ACME, () -> secrets.delete(ACME, "anthropic_api_key"));
        folder.restore("acme");
    }
}
