package dev.switchboard;

import dev.switchboard.identity.users.Memberships;
import dev.switchboard.identity.users.Passwords;
import dev.switchboard.identity.users.Users;
import dev.switchboard.shared.db.OwnerDatabase;
import java.net.URI;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The helpers every {@link PlatformTest} may inject. */
@TestConfiguration(proxyBeanMethods = false)
class TestPlatformBeans {

    @Bean
    TestApi testApi(Environment environment) {
        return new TestApi(() -> URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port")));
    }

    @Bean
    TenantFixtures tenantFixtures(TestApi api, Users users, Passwords passwords, Memberships memberships) {
        return new TenantFixtures(api, users, passwords, memberships);
    }

    @Bean
    TenantsFolder tenantsFolder() {
        return new TenantsFolder(TestPlatform.installation());
    }

    @Bean
    OwnerDatabase ownerDatabase(ApplicationContext context) {
        return OwnerDatabase.of(context);
    }
}
