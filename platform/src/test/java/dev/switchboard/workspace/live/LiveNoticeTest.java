package dev.switchboard.workspace.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveNoticeTest {

    @Test
    void aNoticeCarriesIdsOnlyAndSurvivesTheRoundTrip() {
        LiveNotice notice = new LiveNotice(UUID.randomUUID(), LiveNotice.Kind.MESSAGE, UUID.randomUUID(), UUID.randomUUID());
        String payload = notice.encode();
        assertThat(payload).matches("[0-9a-f-]{36}\\|MESSAGE\\|[0-9a-f-]{36}\\|[0-9a-f-]{36}");
        assertThat(LiveNotice.decode(payload)).isEqualTo(notice);
        LiveNotice presence = new LiveNotice(UUID.randomUUID(), LiveNotice.Kind.PRESENCE, UUID.randomUUID(), null);
        assertThat(LiveNotice.decode(presence.encode())).isEqualTo(presence);
    }

    @Test
    void aForeignPayloadIsRejected() {
        assertThatThrownBy(() -> LiveNotice.decode("hello")).isInstanceOf(IllegalArgumentException.class);
    }
}
