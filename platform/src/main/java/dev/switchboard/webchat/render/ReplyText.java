package dev.switchboard.webchat.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans AI and human replies before they reach a visitor. Replies may carry text a tool or a prompt injection
 * put there, so: HTML is dropped (tags and comments, scripts and styles with their content), images become
 * their alt text (no remote image is ever referenced, so nothing can leak through an image URL), and a link
 * survives only to a host on the tenant's {@code linkHosts} over http(s); any other becomes its plain label.
 * What is left is the subset the widget renders (bold, italics, lists, links), which it renders as text nodes.
 */
public final class ReplyText {

    private static final Pattern COMMENT = Pattern.compile("<!--[\\s\\S]*?(-->|$)");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style|iframe|object|svg|math)\\b[\\s\\S]*?(</\\1\\s*>|$)");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp|mailto|javascript|data):[^<>\\s]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\s*(\\((?:[^()]|\\([^()]*\\))*\\)|\\[[^\\]]*])");
    private static final Pattern DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+]:\\s*\\S+.*$\\n?");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(\\s*<?((?:[^()\\s>]|\\([^()\\s]*\\))*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private ReplyText() {
    }

    public static String clean(String text, List<String> linkHosts) {
        if (text == null) {
            return "";
        }
        String out = COMMENT.matcher(text).replaceAll("");
        out = SCRIPT.matcher(out).replaceAll("");
        out = replace(AUTOLINK, out, m -> allowed(m.group(1), linkHosts) ? "[" + m.group(1) + "](" + m.group(1) + ")" : m.group(1));
        out = TAG.matcher(out).replaceAll("");
        out = replace(IMAGE, out, m -> m.group(1));
        out = DEFINITION.matcher(out).replaceAll("");
        out = replace(LINK, out, m -> allowed(m.group(2), linkHosts) ? "[" + m.group(1) + "](" + m.group(2) + ")" : m.group(1));
        return out.strip();
    }

    /** http(s) only, no user info, and the host exactly one of the tenant's link hosts. */
    public static boolean allowed(String url, List<String> linkHosts) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getRawUserInfo() == null
                    && uri.getHost() != null && linkHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}
