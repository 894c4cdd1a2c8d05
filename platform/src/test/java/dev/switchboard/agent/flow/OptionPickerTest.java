package dev.switchboard.agent.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How an answer picks one of the offered slots, in Spanish and English. */
class OptionPickerTest {

    private static final List<JsonNode> SLOTS = List.of(slot("2026-06-11", "morning"), slot("2026-06-12", "morning"),
            slot("2026-06-12", "afternoon"), slot("2026-06-13", "morning"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            el primero              | 0
            La primera, por favor   | 0
            la segunda              | 1
            el segundo              | 1
            the second one          | 1
            The first, please       | 0
            la tercera              | 2
            the third one           | 2
            el último               | 3
            the last one            | 3
            2                       | 1
            el 2                    | 1
            option 3                | 2
            opción 4                | 3
            la dos                  | 1
            3rd                     | 2
            """)
    void anOrdinalPicksThatPosition(String answer, int position) {
        assertThat(OptionPicker.pick(SLOTS, new Utterance(answer, null), Map.of())).containsExactly(position);
    }

    @Test
    void aTappedChoicePicksItsOptionWhateverItsTitleSays() {
        assertThat(OptionPicker.pick(SLOTS, new Utterance("jueves 12 de junio", "2026-06-12_afternoon"), Map.of()))
                .containsExactly(2);
    }

    @Test
    void positionsBeyondTheOfferPickNothing() {
        assertThat(OptionPicker.pick(SLOTS, new Utterance("the fifth one", null), Map.of())).isEmpty();
        assertThat(OptionPicker.pick(SLOTS, new Utterance("7", null), Map.of())).isEmpty();
        assertThat(OptionPicker.pick(SLOTS, new Utterance("no sé", null), Map.of())).isEmpty();
    }

    @Test
    void mentionedValuesPickTheOptionsThatFillThemAndMaySeveral() {
        assertThat(OptionPicker.pick(SLOTS, new Utterance("el 12 por la tarde", null),
                Map.of("date", "2026-06-12", "window", "afternoon"))).containsExactly(2);
        assertThat(OptionPicker.pick(SLOTS, new Utterance("the 12th", null), Map.of("date", "2026-06-12")))
                .containsExactly(1, 2);
        assertThat(OptionPicker.pick(SLOTS, new Utterance("el 20", null), Map.of("date", "2026-06-20"))).isEmpty();
    }

    private static JsonNode slot(String date, String window) {
        return JsonMapper.builder().build().readTree("{\"id\":\"" + date + "_" + window + "\",\"title\":\"" + date
                + "\",\"fill\":{\"date\":\"" + date + "\",\"window\":\"" + window + "\"}}");
    }
}
