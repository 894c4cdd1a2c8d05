package dev.switchboard.workspace.inbox;

import dev.switchboard.conversation.Channel;
import dev.switchboard.shared.InvalidRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated list request. Every part is an enum, an id, or search words reduced to letters and digits, so the
 * query built from it only ever combines fixed SQL fragments with bound parameters.
 *
 * @param words the search words, lower case, at most {@link #MAX_WORDS}; empty for no search
 */
public record InboxFilter(Scope scope, View view, Channel channel, List<String> words, InboxCursor cursor, int limit) {

    public static final int MAX_WORDS = 8;
    public static final int MAX_LIMIT = 100;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{1,64}");

    /** Active: the AI or a human is on it or it waits for one. Inactive: closed. */
    public enum Scope { ACTIVE, INACTIVE }

    /** Mine: held by or offered to the caller. Unassigned: waits for a human, offered to no one. AI: the AI owns it. */
    public enum View { ALL, MINE, UNASSIGNED, AI }

    public static InboxFilter parse(String scope, String view, String channel, String query, String cursor, Integer limit) {
        return new InboxFilter(option(Scope.class, "status", scope, Scope.ACTIVE), option(View.class, "view", view, View.ALL),
                channel == null || channel.isBlank() ? null : channel(channel), words(query),
                cursor == null || cursor.isBlank() ? null : InboxCursor.decode(cursor), limit(limit));
    }

    /** The words as a prefix query for {@code to_tsquery('simple', ...)}: {@code fuga:* & bano:*}. */
    public Optional<String> tsquery() {
        return words.isEmpty() ? Optional.empty()
                : Optional.of(String.join(" & ", words.stream().map(w -> w + ":*").toList()));
    }

    /** The search as an ILIKE pattern over contact names (words hold no LIKE wildcards: letters and digits only). */
    public Optional<String> namePattern() {
        return words.isEmpty() ? Optional.empty() : Optional.of("%" + String.join("%", words) + "%");
    }

    private static <E extends Enum<E>> E option(Class<E> type, String field, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.field(field, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static Channel channel(String value) {
        try {
            return Channel.fromWire(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.field("channel", "must be one of webchat, whatsapp, voice");
        }
    }

    private static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        if (query.length() > 200) {
            throw InvalidRequest.field("q", "must be at most 200 characters");
        }
        Matcher m = WORD.matcher(query.toLowerCase(Locale.ROOT));
        List<String> words = new java.util.ArrayList<>();
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group());
        }
        return List.copyOf(words);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return 30;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidRequest.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
