package dev.switchboard.workspace;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static dev.switchboard.TenantFixtures.ACME_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins keep the tenant's canned replies; agents read them; bad input names its field. */
@PlatformTest
class CannedRepliesTest {

    private static final String REPLIES = "/api/v1/tenants/acme/canned-replies";

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;

    @Test
    void adminsWriteAgentsRead() {
        String shortcut = "t" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> draft = Map.of("shortcut", shortcut, "title", "Thanks", "body", "Thanks {{contact.name}}!");

        assertThat(api.post(REPLIES, fixtures.token(ACME_AGENT), draft)).isProblem(403);
        ApiResponse created = api.post(REPLIES, fixtures.token(ACME_OWNER), draft);
        assertThat(created).hasStatus(201);
        String id = created.json().path("id").asString();

        ApiResponse listed = api.get(REPLIES, fixtures.token(ACME_AGENT));
        assertThat(listed.json().valueStream().map(r -> r.path("shortcut").asString())).contains(shortcut);

        assertThat(api.put(REPLIES + "/" + id, fixtures.token(ACME_AGENT), draft)).isProblem(403);
        ApiResponse updated = api.put(REPLIES + "/" + id, fixtures.token(ACME_OWNER),
                Map.of("shortcut", shortcut, "title", "Thanks!", "body", "Many thanks, {{contact.name}}."));
        assertThat(updated).hasStatus(200);
        assertThat(updated.json().path("body").asString()).isEqualTo("Many thanks, {{contact.name}}.");

        assertThat(api.delete(REPLIES + "/" + id, fixtures.token(ACME_AGENT))).isProblem(403);
        assertThat(api.delete(REPLIES + "/" + id, fixtures.token(ACME_OWNER))).hasStatus(204);
        assertThat(api.delete(REPLIES + "/" + id, fixtures.token(ACME_OWNER))).isProblem(404);
    }

    @Test
    void aTakenShortcutAndInvalidFieldsAreNamed() {
        String shortcut = "d" + UUID.randomUUID().toString().substring(0, 8);
        String owner = fixtures.token(ACME_OWNER);
        assertThat(api.post(REPLIES, owner, Map.of("shortcut", shortcut, "title", "One", "body", "1"))).hasStatus(201);
        assertThat(api.post(REPLIES, owner, Map.of("shortcut", shortcut.toUpperCase(), "title", "Two", "body", "2")))
                .namesInvalidField("shortcut");

        ApiResponse invalid = api.post(REPLIES, owner, Map.of("shortcut", "Not valid!", "title", "", "body", ""));
        assertThat(invalid).namesInvalidField("shortcut").namesInvalidField("title").namesInvalidField("body");
    }
}
