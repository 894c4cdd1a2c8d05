package dev.switchboard.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HubSignatureTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR = "sha256=02fe0c96d28c59ddb7cf81eff0ca05809b360ba73b63c28210b5906a0a107d1f";

    private final HubSignature signatures = new HubSignature();

    @Test
    void matchesTheReferenceVector() {
        assertThat(signatures.sign("app_secret_123", BODY)).isEqualTo(VECTOR);
        assertThat(signatures.check("app_secret_123", BODY, VECTOR)).isEqualTo(HubSignature.Verdict.VALID);
    }

    @Test
    void tellsMissingMalformedAndWrongApart() {
        assertThat(signatures.check("app_secret_123", BODY, null)).isEqualTo(HubSignature.Verdict.MISSING);
        assertThat(signatures.check("app_secret_123", BODY, "sha1=abc")).isEqualTo(HubSignature.Verdict.MALFORMED);
        assertThat(signatures.check("app_secret_123", BODY, "sha256=" + "zz".repeat(32))).isEqualTo(HubSignature.Verdict.MALFORMED);
        assertThat(signatures.check("another_secret", BODY, VECTOR)).isEqualTo(HubSignature.Verdict.MISMATCH);
        byte[] changed = BODY.clone();
        changed[3] ^= 1;
        assertThat(signatures.check("app_secret_123", changed, VECTOR)).isEqualTo(HubSignature.Verdict.MISMATCH);
    }

    @Test
    void pooledMacsGiveTheSameAnswerUnderConcurrency() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = IntStream.range(0, 2000).mapToObj(i -> pool.submit(() ->
                    signatures.check("app_secret_123", BODY, VECTOR))).toList();
            for (var result : results) {
                assertThat(result.get()).isEqualTo(HubSignature.Verdict.VALID);
            }
        }
    }
}
