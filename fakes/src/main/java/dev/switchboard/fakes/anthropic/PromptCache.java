package dev.switchboard.fakes.anthropic;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.llm.TextPieces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.switchboard.fakes.anthropic.MessagesRequest.blocks;

/**
 * Emulates prompt caching closely enough for cost accounting tests: the prompt is the sequence tools, system,
 * message blocks; a block with {@code cache_control} ends a cacheable prefix; a prefix seen before (and not expired)
 * is read from cache, the longest one wins, and the prefix up to the last breakpoint is written. Unlike the real API
 * there is no minimum cacheable length, so short test prompts cache too.
 */
final class PromptCache {

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    /** Indexes into {@link #pieces} of every block carrying {@code cache_control}. */
    static List<Integer> breakpoints(MessagesRequest request) {
        var pieces = pieces(request);
        var indexes = new ArrayList<Integer>();
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).has("cache_control")) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    Usage usage(MessagesRequest request, int outputTokens) {
        var pieces = pieces(request);
        var breakpoints = breakpoints(request);
        int total = tokensUpTo(pieces, pieces.size() - 1);
        if (breakpoints.isEmpty()) {
            return new Usage(total, 0, 0, false, outputTokens);
        }
        var now = Instant.now();
        int read = 0;
        for (int i = breakpoints.size() - 1; i >= 0 && read == 0; i--) {
            if (isCached(key(pieces, breakpoints.get(i)), now)) {
                read = tokensUpTo(pieces, breakpoints.get(i));
            }
        }
        int last = breakpoints.getLast();
        var ttl = ttl(pieces.get(last));
        int written = tokensUpTo(pieces, last) - read;
        for (int index : breakpoints) {
            expiries.put(key(pieces, index), now.plus(ttl(pieces.get(index))));
        }
        return new Usage(total - read - written, written, read, ttl.toHours() >= 1, outputTokens);
    }

    private boolean isCached(String key, Instant now) {
        var expiry = expiries.get(key);
        return expiry != null && expiry.isAfter(now);
    }

    private static Duration ttl(JsonNode block) {
        return "1h".equals(Json.text(block.path("cache_control"), "ttl")) ? Duration.ofHours(1) : Duration.ofMinutes(5);
    }

    private static List<JsonNode> pieces(MessagesRequest request) {
        var pieces = new ArrayList<JsonNode>(request.tools());
        var system = request.system();
        if (system.isString()) {
            pieces.add(Json.object().put("text", system.stringValue()));
        } else {
            pieces.addAll(blocks(system));
        }
        for (var message : request.messages()) {
            var content = message.path("content");
            if (content.isString()) {
                pieces.add(Json.object().put("text", content.stringValue()));
            } else {
                pieces.addAll(blocks(content));
            }
        }
        return pieces;
    }

    private static int tokensUpTo(List<JsonNode> pieces, int last) {
        int tokens = 0;
        for (int i = 0; i <= last; i++) {
            tokens += TextPieces.tokens(withoutCacheControl(pieces.get(i)));
        }
        return Math.max(tokens, 1);
    }

    private static String key(List<JsonNode> pieces, int last) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i <= last; i++) {
                digest.update(withoutCacheControl(pieces.get(i)).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moving a breakpoint must not change the content hash of the blocks before it. */
    private static String withoutCacheControl(JsonNode piece) {
        if (piece instanceof ObjectNode object && object.has("cache_control")) {
            var copy = object.deepCopy();
            copy.remove("cache_control");
            return Json.string(copy);
        }
        return Json.string(piece);
    }
}
