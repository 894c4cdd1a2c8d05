package dev.switchboard.fakes;

import dev.switchboard.fakes.anthropic.AnthropicFake;
import dev.switchboard.fakes.anthropic.AnthropicOptions;
import dev.switchboard.fakes.google.DistanceMatrixFake;
import dev.switchboard.fakes.google.DistanceMatrixOptions;
import dev.switchboard.fakes.llm.DefaultResponder;
import dev.switchboard.fakes.meta.GraphFake;
import dev.switchboard.fakes.meta.GraphOptions;
import dev.switchboard.fakes.meta.WindowRule;
import dev.switchboard.fakes.openai.OpenAiFake;
import dev.switchboard.fakes.openai.OpenAiOptions;
import dev.switchboard.fakes.openai.Quirk;
import dev.switchboard.fakes.pinecone.PineconeFake;
import dev.switchboard.fakes.pinecone.PineconeOptions;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The fakes the launcher knows, by name, each with how to start it from its command-line options. */
public final class FakeRegistry {

    /** Starts one fake from its options. */
    @FunctionalInterface
    public interface Factory {
        FakeServer start(FakeOptions options);
    }

    private final Map<String, Factory> factories = new LinkedHashMap<>();

    /** Every fake of this module; register further ones with one {@link #register} line each. */
    public static FakeRegistry standard() {
        return new FakeRegistry()
                .register("anthropic", o -> AnthropicFake.start(AnthropicOptions.defaults().withPort(o.port())
                        .withApiKey(o.string("api-key", null)).withResponder(responder(o))))
                .register("openai", o -> OpenAiFake.start(OpenAiOptions.defaults().withPort(o.port())
                        .withApiKey(o.string("api-key", null)).withResponder(responder(o))
                        .withQuirks(quirks(o.string("quirks", "")))))
                .register("google", o -> DistanceMatrixFake.start(DistanceMatrixOptions.defaults()
                        .withPort(o.port()).withApiKey(o.string("api-key", "test-google-key"))))
                .register("pinecone", o -> PineconeFake.start(seeded(PineconeOptions.defaults().withPort(o.port())
                        .withApiKey(o.string("api-key", "test-pinecone-key")), o.flag("seed", true))))
                .register("meta", FakeRegistry::graph);
    }

    public FakeRegistry register(String name, Factory factory) {
        factories.put(name, factory);
        return this;
    }

    public Set<String> names() {
        return factories.keySet();
    }

    public FakeServer start(FakeOptions options) {
        var factory = factories.get(options.name());
        if (factory == null) {
            throw new IllegalArgumentException("no fake named " + options.name() + "; known: " + names());
        }
        return factory.start(options);
    }

    private static DefaultResponder responder(FakeOptions options) {
        return new DefaultResponder(options.millis("first-token-ms", 0), options.decimal("tokens-per-second", 0));
    }

    private static Quirk[] quirks(String names) {
        return Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> Quirk.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'))).toArray(Quirk[]::new);
    }

    private static PineconeOptions seeded(PineconeOptions options, boolean seed) {
        return seed ? options : options.withoutSeed();
    }

    private static FakeServer graph(FakeOptions o) {
        var options = GraphOptions.defaults().withPort(o.port())
                .withAccessToken(o.string("access-token", GraphOptions.defaults().accessToken()))
                .withThroughput(o.decimal("throughput", 80))
                .withWindowRule(WindowRule.valueOf(o.string("window-rule", "off").toUpperCase(Locale.ROOT)
                        .replace('-', '_')));
        var callback = o.string("status-callback", null);
        if (callback != null) {
            options = options.withStatusCallback(URI.create(callback), o.string("app-secret", options.appSecret()));
        }
        return GraphFake.start(options);
    }
}
