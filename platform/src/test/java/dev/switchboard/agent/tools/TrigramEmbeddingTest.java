package dev.switchboard.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.fakes.pinecone.TrigramEmbedder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The platform embeds queries exactly as the address index embedded its records (the fake's documented contract). */
class TrigramEmbeddingTest {

    @ParameterizedTest
    @ValueSource(strings = {"c/ mayor 1 madrid", "Calle Mayor, 1, 28013 Madrid, Spain", "Avinguda Diagonal 640, Barcelona",
            "  Paseo de la CASTELLANA nº 81 ", "Calle de Alcalá, 42 — 3ºB", "ñandú 🏠 Sevilla", "ab", ""})
    void isTheIndexsEmbeddingToTheLastBit(String text) {
        float[] ours = TrigramEmbedding.of(text);
        float[] index = TrigramEmbedder.embed(text);

        assertThat(ours).hasSize(TrigramEmbedder.DIMENSION).containsExactly(index);
    }
}
