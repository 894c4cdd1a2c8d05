package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.WireClient;

import java.net.URI;
import java.net.http.HttpResponse;

/** Test-side calls to the Graph fake with its default token. */
final class GraphClient {

    static final String TO = "34600111222";

    private final GraphFake graph;
    private final String token;

    GraphClient(GraphFake graph) {
        this(graph, GraphOptions.defaults().accessToken());
    }

    GraphClient(GraphFake graph, String token) {
        this.graph = graph;
        this.token = token;
    }

    HttpResponse<String> send(String body) {
        return WireClient.post(uri("/v23.0/106540352242922/messages"), body, "Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return WireClient.get(uri(pathAndQuery), "Authorization", "Bearer " + token);
    }

    URI uri(String pathAndQuery) {
        return URI.create(graph.baseUrl() + pathAndQuery);
    }

    static String text(String to, String body) {
        return """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                 "text":{"preview_url":false,"body":"%s"}}""".formatted(to, body);
    }
}
