package dev.switchboard.agent.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The demo flow's intents stay apart: each phrase a customer may use finds its own intent, clearly enough to act. */
class AcmeFlowIntentsTest {

    private static final FlowDefinition FLOW = load();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ¿cuándo es mi visita?              | visit_info
            when is my visit?                  | visit_info
            what visits do I have?             | visit_info
            ¿cuándo llega el técnico?          | technician_eta
            when will the technician arrive?   | technician_eta
            quiero cancelar mi visita          | cancel_visit
            Cancel visit                       | cancel_visit
            Confirmar visita                   | confirm_visit
            Cambiar fecha                      | reschedule_visit
            quiero cambiar la fecha de la visita | reschedule_visit
            ¿quién viene a mi casa?            | who_is_coming
            """)
    void aPhraseFindsItsIntent(String phrase, String intent) {
        IntentMatcher.Match match = FLOW.matcher().best(phrase);

        assertThat(match.intent()).isEqualTo(intent);
        assertThat(match.score()).isGreaterThanOrEqualTo(FlowAgent.MATCH_THRESHOLD);
    }

    private static FlowDefinition load() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path flow = dir.resolve("tenants/acme/flow.yaml");
            if (Files.isRegularFile(flow)) {
                try {
                    return FlowDefinition.of(new YAMLMapper().readTree(Files.readString(flow)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no tenants/acme/flow.yaml above " + Path.of("").toAbsolutePath());
    }
}
