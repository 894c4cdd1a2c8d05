package dev.switchboard.whatsapp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.whatsapp.cloudapi.OutgoingMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReplyComposerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ReplyComposer composer = new ReplyComposer(JSON);

    @Test
    void plainTextIsTextAndLongTextIsSplitAtWordsUnderTheLimit() {
        String longText = "palabra ".repeat(1200).strip();

        List<OutgoingMessage> parts = composer.compose(message(longText, "{}"), "es");

        assertThat(composer.compose(message("Hola", "{}"), "es")).containsExactly(new OutgoingMessage.Text("Hola"));
        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(((OutgoingMessage.Text) p).body())
                .hasSizeLessThanOrEqualTo(ReplyComposer.TEXT_LIMIT).doesNotStartWith(" ").endsWith("palabra"));
    }

    @Test
    void buttonsKeepTheirIdsAndTitlesAreCutToTwentyCharacters() {
        var parts = composer.compose(message("¿Qué hacemos?", """
                {"interactive":{"buttons":[{"id":"a","title":"Confirmar la visita de mañana"},{"id":"b","title":"No"}]}}"""), "es");

        var buttons = (OutgoingMessage.Buttons) parts.getFirst();
        assertThat(buttons.body()).isEqualTo("¿Qué hacemos?");
        assertThat(buttons.choices()).extracting(OutgoingMessage.Choice::id).containsExactly("a", "b");
        assertThat(buttons.choices().getFirst().title()).hasSize(20).endsWith("…");
    }

    @Test
    void aListKeepsItsLabelRowsAndDescriptions() {
        var parts = composer.compose(message("Huecos libres", """
                {"interactive":{"list":{"button":"Ver huecos","rows":[{"id":"s1","title":"Jueves","description":"14:00-20:00"}]}}}"""), "es");

        var list = (OutgoingMessage.ChoiceList) parts.getFirst();
        assertThat(list.button()).isEqualTo("Ver huecos");
        assertThat(list.rows()).containsExactly(new OutgoingMessage.Choice("s1", "Jueves", "14:00-20:00"));
    }

    @Test
    void aBodyTooLongForButtonsGoesFirstAsText() {
        String body = "x".repeat(1500);

        var parts = composer.compose(message(body, "{\"interactive\":{\"buttons\":[{\"id\":\"ok\",\"title\":\"OK\"}]}}"), "en");

        assertThat(parts).hasSize(2);
        assertThat(parts.getFirst()).isEqualTo(new OutgoingMessage.Text(body));
        assertThat(((OutgoingMessage.Buttons) parts.get(1)).body()).isEqualTo("Choose an option:");
    }

    @Test
    void aTemplateOnTheContentIsSentAsATemplate() {
        var parts = composer.compose(message("Recordatorio", """
                {"template":{"name":"booking_reminder","language":"es","components":[{"type":"body",
                 "parameters":[{"type":"text","value":"Ana"}]}]}}"""), "es");

        var template = ((OutgoingMessage.Template) parts.getFirst()).template();
        assertThat(template.name()).isEqualTo("booking_reminder");
        assertThat(template.components().getFirst().parameters().getFirst().value()).isEqualTo("Ana");
        assertThat(parts.getFirst().needsOpenWindow()).isFalse();
    }

    private static Message message(String text, String content) {
        JsonNode node = JSON.readTree(content);
        return new Message(UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(), MessageRole.AI, "text", text, node,
                null, Channel.WHATSAPP, null, null, "queued", Instant.now());
    }
}
