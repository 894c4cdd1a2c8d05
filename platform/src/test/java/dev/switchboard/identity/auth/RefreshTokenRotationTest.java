package dev.switchboard.identity.auth;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.TestApi.Session;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.db.OwnerDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Refresh tokens rotate on every use; a replayed one revokes its whole family; logout revokes too. */
@PlatformTest
class RefreshTokenRotationTest {

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    OwnerDatabase owner;

    TenantFixtures.TestUser user;

    @BeforeEach
    void newUser() {
        user = fixtures.newUser(ACME, TenantRole.AGENT);
    }

    @Test
    void aRefreshReturnsANewPairAndSpendsTheTokenItWasGiven() {
        Session first = api.login(user.email(), user.password());

        ApiResponse rotated = api.refresh(first.refreshToken());

        assertThat(rotated).hasStatus(200);
        Session second = Session.of(rotated);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(api.get("/api/v1/me", second.accessToken())).hasStatus(200);
        assertThat(api.refresh(second.refreshToken())).hasStatus(200);
    }

    @Test
    void aReusedRefreshTokenRevokesItsWholeFamily() {
        Session first = api.login(user.email(), user.password());
        Session second = Session.of(api.refresh(first.refreshToken()));
        Session third = Session.of(api.refresh(second.refreshToken()));
        Session otherDevice = api.login(user.email(), user.password());

        assertThat(api.refresh(first.refreshToken())).isProblem(401);

        assertThat(api.refresh(third.refreshToken())).as("the newest token of the replayed family").isProblem(401);
        assertThat(api.refresh(otherDevice.refreshToken())).as("another login's family is untouched").hasStatus(200);
        assertThat(owner.jdbc().sql("""
                select count(*) from refresh_tokens where user_id = :user and revoked_at is null
                   and family_id = (select family_id from refresh_tokens where token_hash = :hash)""")
                .param("user", user.id()).param("hash", hash(third.refreshToken())).query(Long.class).single())
                .isZero();
    }

    @Test
    void logoutRevokesTheFamily() {
        Session first = api.login(user.email(), user.password());
        Session second = Session.of(api.refresh(first.refreshToken()));

        assertThat(api.post("/api/v1/auth/logout", null, Map.of("refreshToken", second.refreshToken()))).hasStatus(204);

        assertThat(api.refresh(second.refreshToken())).isProblem(401);
    }

    @Test
    void logoutWithAnUnknownTokenAnswersTheSameAndRevokesNothing() {
        Session session = api.login(user.email(), user.password());

        assertThat(api.post("/api/v1/auth/logout", null, Map.of("refreshToken", "not-a-token"))).hasStatus(204);

        assertThat(api.refresh(session.refreshToken())).hasStatus(200);
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        Session session = api.login(user.email(), user.password());
        owner.jdbc().sql("update refresh_tokens set expires_at = now() - interval '1 second' where token_hash = :hash")
                .param("hash", hash(session.refreshToken())).update();

        assertThat(api.refresh(session.refreshToken())).isProblem(401);
    }

    @Test
    void anUnknownOrMalformedRefreshTokenIsRefusedAsAProblem() {
        assertThat(api.refresh("x".repeat(43))).isProblem(401);
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", ""))).namesInvalidField("refreshToken");
        assertThat(api.post("/api/v1/auth/refresh", null, "{")).isProblem(400);
    }

    @Test
    void twoConcurrentUsesOfOneRefreshTokenSucceedAtMostOnce() throws Exception {
        Session session = api.login(user.email(), user.password());
        int contenders = 6;
        CountDownLatch ready = new CountDownLatch(contenders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(contenders)) {
            for (int i = 0; i < contenders; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.refresh(session.refreshToken());
                }));
            }
            ready.await();
            go.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<ApiResponse> answer : answers) {
            statuses.add(answer.get().status());
        }

        assertThat(statuses).isSubsetOf(200, 401);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(1);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
