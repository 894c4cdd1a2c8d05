package dev.switchboard.fakes.meta;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.fakes.http.Ids;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.Responses;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * A Graph API error: {@code {"error":{message,type,code,error_data{messaging_product,details},error_subcode,
 * fbtrace_id}}}. The factories carry the codes the Cloud API uses for each failure.
 */
public record GraphError(int httpStatus, int code, Integer subcode, String message, String details) {

    static GraphError invalidParameter(String details) {
        return new GraphError(400, 100, null, "(#100) Invalid parameter", details);
    }

    static GraphError missingParameter(String details) {
        return new GraphError(400, 131008, null, "(#131008) Required parameter is missing", details);
    }

    static GraphError invalidValue(String details) {
        return new GraphError(400, 131009, null, "(#131009) Parameter value is not valid", details);
    }

    static GraphError unknownObject(String id) {
        return new GraphError(400, 100, 33, "Unsupported post request. Object with ID '" + id + "' does not exist, "
                + "cannot be loaded due to missing permissions, or does not support this operation.", null);
    }

    static GraphError invalidToken() {
        return new GraphError(401, 190, null, "Invalid OAuth access token - Cannot parse access token", null);
    }

    static GraphError missingToken() {
        return new GraphError(400, 104, null, "An access token is required to request this resource.", null);
    }

    static GraphError throughputReached() {
        return new GraphError(429, 130429, null, "(#130429) Rate limit hit",
                "Cloud API message throughput has been reached.");
    }

    static GraphError reEngagement() {
        return new GraphError(400, 131047, null, "(#131047) Re-engagement message", "Message failed to send because "
                + "more than 24 hours have passed since the customer last replied to this number.");
    }

    static GraphError undeliverable() {
        return new GraphError(400, 131026, null, "(#131026) Message undeliverable",
                "Message failed to send because the recipient is not a WhatsApp user or cannot receive it.");
    }

    static GraphError paramCount(String details) {
        return new GraphError(400, 132000, null,
                "(#132000) Number of parameters does not match the expected number of params", details);
    }

    static GraphError templateMissing(String details) {
        return new GraphError(400, 132001, null, "(#132001) Template name does not exist in the translation", details);
    }

    static GraphError paramFormat(String details) {
        return new GraphError(400, 132012, null,
                "(#132012) Parameter format does not match format in the created template", details);
    }

    static GraphError mediaUpload(String details) {
        return new GraphError(400, 131053, null, "(#131053) Media upload error", details);
    }

    /** The error title as status webhooks carry it (message without the "(#code) " prefix). */
    String title() {
        return message.replaceFirst("^\\(#\\d+\\) ", "");
    }

    ObjectNode json() {
        var error = Json.object().put("message", message).put("type", "OAuthException").put("code", code);
        if (details != null) {
            error.set("error_data", Json.object().put("messaging_product", "whatsapp").put("details", details));
        }
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", Ids.random("A", 23));
        var body = Json.object();
        body.set("error", error);
        return body;
    }

    void write(HttpExchange exchange) throws IOException {
        Responses.json(exchange, httpStatus, json());
    }
}
