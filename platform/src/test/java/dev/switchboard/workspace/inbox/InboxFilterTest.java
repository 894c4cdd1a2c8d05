package dev.switchboard.workspace.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.shared.InvalidRequest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxFilterTest {

    @Test
    void defaultsToActiveConversationsOfEveryone() {
        InboxFilter filter = InboxFilter.parse(null, null, null, null, null, null);
        assertThat(filter.scope()).isEqualTo(InboxFilter.Scope.ACTIVE);
        assertThat(filter.view()).isEqualTo(InboxFilter.View.ALL);
        assertThat(filter.tsquery()).isEmpty();
        assertThat(filter.limit()).isEqualTo(30);
    }

    @Test
    void searchKeepsOnlyWordsAndSearchesThemAsPrefixes() {
        InboxFilter filter = InboxFilter.parse("active", "mine", "whatsapp", "Fuga   BAÑO'); drop table x;--", null, 10);
        assertThat(filter.words()).containsExactly("fuga", "baño", "drop", "table", "x");
        assertThat(filter.tsquery()).contains("fuga:* & baño:* & drop:* & table:* & x:*");
        assertThat(filter.namePattern()).contains("%fuga%baño%drop%table%x%");
    }

    @Test
    void aCursorSurvivesTheRoundTripToTheMicrosecond() {
        InboxCursor cursor = new InboxCursor(Instant.parse("2026-05-01T10:00:00.123456Z"), UUID.randomUUID());
        assertThat(InboxCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void anythingElseIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> InboxFilter.parse("open", null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.fieldErrors().getFirst().field()).isEqualTo("status"));
        assertThatThrownBy(() -> InboxFilter.parse(null, null, null, null, "bm90LWEtY3Vyc29y", null))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.fieldErrors().getFirst().field()).isEqualTo("cursor"));
    }
}
