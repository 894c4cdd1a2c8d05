package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MessageValidationTest {

    private static GraphFake graph;
    private static String imageId;

    @BeforeAll
    static void start() {
        graph = GraphFake.start(GraphOptions.defaults().withThroughput(10_000));
        imageId = graph.media().put(new byte[] {1, 2, 3}, "image/jpeg");
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("text", "\"type\":\"text\",\"text\":{\"body\":\"Hola\"}"),
                arguments("text without type", "\"text\":{\"body\":\"Hola\"}"),
                arguments("three reply buttons", interactiveButtons(3, "Yes")),
                arguments("list with ten rows over two sections", list(2, 5, "Madrid centre")),
                arguments("cta url", "\"type\":\"interactive\",\"interactive\":{\"type\":\"cta_url\",\"body\":{\"text\":"
                        + "\"Track it\"},\"action\":{\"name\":\"cta_url\",\"parameters\":{\"display_text\":\"Track\","
                        + "\"url\":\"https://shop.example/t/1\"}}}"),
                arguments("template without parameters", template("hello_world", "en_US", "[]")),
                arguments("template with header image, body params and quick reply", template("booking_reminder",
                        "es", bookingComponents("{\"type\":\"text\",\"text\":\"Ana\"},{\"type\":\"text\",\"text\":\"20:00\"}",
                                0))),
                arguments("template with named parameters", template("order_update", "en_US",
                        "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"parameter_name\":\"customer_name\","
                                + "\"text\":\"Ana\"},{\"type\":\"text\",\"parameter_name\":\"order_id\",\"text\":\"A1\"}]},"
                                + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":"
                                + "[{\"type\":\"text\",\"text\":\"A1\"}]}]")),
                arguments("image by uploaded id", "\"type\":\"image\",\"image\":{\"id\":\"%s\",\"caption\":\"Menu\"}"),
                arguments("audio by link", "\"type\":\"audio\",\"audio\":{\"link\":\"https://cdn.example/a.ogg\"}"),
                arguments("document by link", "\"type\":\"document\",\"document\":{\"link\":\"https://cdn.example/"
                        + "b.pdf\",\"filename\":\"bill.pdf\"}"),
                arguments("reaction", "\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.A\",\"emoji\":\"👍\"}"),
                arguments("location", "\"type\":\"location\",\"location\":{\"latitude\":40.4,\"longitude\":-3.7}"),
                arguments("contacts", "\"type\":\"contacts\",\"contacts\":[{\"name\":{\"formatted_name\":\"Ana\"}}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void validMessageIsAcceptedWithAWamid(String name, String fields) {
        var response = send(fields);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var json = Json.parse(response.body());
        assertThat(json.path("messaging_product").stringValue()).isEqualTo("whatsapp");
        assertThat(json.at("/contacts/0/input").stringValue()).isEqualTo("+34 600 111 222");
        assertThat(json.at("/contacts/0/wa_id").stringValue()).isEqualTo("34600111222");
        assertThat(json.at("/messages/0/id").stringValue()).startsWith("wamid.");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("unknown type", "\"type\":\"hologram\",\"hologram\":{}", 100),
                arguments("text without body", "\"type\":\"text\",\"text\":{}", 131008),
                arguments("text over 4096 characters", "\"type\":\"text\",\"text\":{\"body\":\"" + "a".repeat(4097)
                        + "\"}", 131009),
                arguments("four reply buttons", interactiveButtons(4, "Yes"), 131009),
                arguments("button title over 20 characters", interactiveButtons(1, "A".repeat(21)), 131009),
                arguments("interactive without body", "\"type\":\"interactive\",\"interactive\":{\"type\":\"button\","
                        + "\"action\":{\"buttons\":[]}}", 131008),
                arguments("list with eleven rows", list(1, 11, "Row"), 131009),
                arguments("list row title over 24 characters", list(1, 1, "R".repeat(25)), 131009),
                arguments("unknown template", template("nope", "es", "[]"), 132001),
                arguments("template in a language it lacks", template("hello_world", "es", "[]"), 132001),
                arguments("rejected template", template("spring_offer", "es", "[]"), 132001),
                arguments("template body parameter missing", template("booking_reminder", "es",
                        bookingComponents("{\"type\":\"text\",\"text\":\"Ana\"}", 0)), 132000),
                arguments("template header image missing", template("booking_reminder", "es",
                        "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"A\"},"
                                + "{\"type\":\"text\",\"text\":\"B\"}]}]"), 132012),
                arguments("template named parameter unknown", template("order_update", "en_US",
                        "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"parameter_name\":\"name\","
                                + "\"text\":\"Ana\"},{\"type\":\"text\",\"parameter_name\":\"order_id\",\"text\":\"A1\"}]},"
                                + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":"
                                + "[{\"type\":\"text\",\"text\":\"A1\"}]}]"), 132000),
                arguments("template quick reply index out of range", template("booking_reminder", "es",
                        bookingComponents("{\"type\":\"text\",\"text\":\"A\"},{\"type\":\"text\",\"text\":\"B\"}", 5)),
                        131009),
                arguments("image with both id and link", "\"type\":\"image\",\"image\":{\"id\":\"1\",\"link\":"
                        + "\"https://x.example/i.jpg\"}", 100),
                arguments("image with unknown id", "\"type\":\"image\",\"image\":{\"id\":\"404404\"}", 100),
                arguments("audio with caption", "\"type\":\"audio\",\"audio\":{\"link\":\"https://x.example/a.ogg\","
                        + "\"caption\":\"no\"}", 100),
                arguments("reaction without emoji", "\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.A\"}",
                        131008),
                arguments("location without longitude", "\"type\":\"location\",\"location\":{\"latitude\":1}",
                        131008));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void invalidMessageIsRejectedInTheGraphErrorShape(String name, String fields, int code) {
        var response = send(fields);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        var error = Json.parse(response.body()).path("error");
        assertThat(error.path("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(error.path("type").stringValue()).isEqualTo("OAuthException");
        assertThat(error.path("fbtrace_id").stringValue()).isNotBlank();
        assertThat(error.path("message").stringValue()).isNotBlank();
    }

    private static java.net.http.HttpResponse<String> send(String fields) {
        var body = "{\"messaging_product\":\"whatsapp\",\"to\":\"+34 600 111 222\"," + fields.formatted(imageId) + "}";
        return new GraphClient(graph).send(body);
    }

    private static String interactiveButtons(int count, String title) {
        var buttons = IntStream.range(0, count).mapToObj(i -> "{\"type\":\"reply\",\"reply\":{\"id\":\"b" + i
                + "\",\"title\":\"" + title + (count > 1 ? i : "") + "\"}}").collect(Collectors.joining(","));
        return "\"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"Confirm?\"},"
                + "\"action\":{\"buttons\":[" + buttons + "]}}";
    }

    private static String list(int sections, int rowsEach, String title) {
        var all = IntStream.range(0, sections).mapToObj(s -> "{\"title\":\"S" + s + "\",\"rows\":["
                + IntStream.range(0, rowsEach).mapToObj(r -> "{\"id\":\"r" + s + "_" + r + "\",\"title\":\"" + title
                        + "\",\"description\":\"d\"}").collect(Collectors.joining(",")) + "]}")
                .collect(Collectors.joining(","));
        return "\"type\":\"interactive\",\"interactive\":{\"type\":\"list\",\"body\":{\"text\":\"Pick\"},"
                + "\"action\":{\"button\":\"Options\",\"sections\":[" + all + "]}}";
    }

    private static String template(String name, String language, String components) {
        return "\"type\":\"template\",\"template\":{\"name\":\"" + name + "\",\"language\":{\"code\":\"" + language
                + "\"},\"components\":" + components + "}";
    }

    private static String bookingComponents(String bodyParameters, int buttonIndex) {
        return "[{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":\"https://x.example/"
                + "i.jpg\"}}]},{\"type\":\"body\",\"parameters\":[" + bodyParameters + "]},{\"type\":\"button\","
                + "\"sub_type\":\"quick_reply\",\"index\":\"" + buttonIndex + "\",\"parameters\":[{\"type\":\"payload\","
                + "\"payload\":\"CONFIRM_1\"}]}]";
    }
}
