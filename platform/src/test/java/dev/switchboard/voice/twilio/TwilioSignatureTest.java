package dev.switchboard.voice.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's own validator test vectors (auth token 12345), form and JSON bodies, ports and tampering. */
class TwilioSignatureTest {

    private static final String TOKEN = "12345";
    private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "From", "+14158675309", "To", "+18005551212");
    private static final String BODY_HASH = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    @Test
    void formSignaturesMatchTwiliosVectorsWithAndWithoutTheDefaultPort() {
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(TwilioSignature.sign(TOKEN, url, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(TwilioSignature.validForm(TOKEN, url, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        assertThat(TwilioSignature.validForm(TOKEN, url, PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
        assertThat(TwilioSignature.validForm(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
    }

    @Test
    void tamperedParametersOrAnotherTokenFail() {
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        var changed = new java.util.HashMap<>(PARAMS);
        changed.put("To", "+18005551213");
        assertThat(TwilioSignature.validForm(TOKEN, url, changed, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(TwilioSignature.validForm("54321", url, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(TwilioSignature.validForm(TOKEN, url, PARAMS, null)).isFalse();
        assertThat(TwilioSignature.validForm(TOKEN, "https://evil.example/myapp.php?foo=1&bar=2", PARAMS,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
    }

    @Test
    void jsonBodiesAreCheckedThroughBodySha256() {
        byte[] body = "{\"property\": \"value\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8);
        assertThat(TwilioSignature.validJson(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + BODY_HASH,
                body, "a9nBmqA0ju/hNViExpshrM61xv4=")).isTrue();
        assertThat(TwilioSignature.validJson(TOKEN, "https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH,
                body, "y77kIzt2vzLz71DgmJGsen2scGs=")).isTrue();
        byte[] other = "{\"property\": \"other\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8);
        assertThat(TwilioSignature.validJson(TOKEN, "https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH,
                other, "y77kIzt2vzLz71DgmJGsen2scGs=")).isFalse();
        assertThat(TwilioSignature.validJson(TOKEN, "https://mycompany.com/myapp.php", body, "y77kIzt2vzLz71DgmJGsen2scGs="))
                .isFalse();
    }
}
