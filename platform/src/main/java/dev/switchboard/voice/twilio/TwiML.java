package dev.switchboard.voice.twilio;

import java.util.Map;

/** The few TwiML documents the platform answers with, built as text with every value XML-escaped. */
final class TwiML {

    private TwiML() {
    }

    /** A bidirectional media stream; Twilio forbids a query string on its URL, so the data goes in parameters. */
    static String connectStream(String streamUrl, Map<String, String> parameters) {
        StringBuilder xml = new StringBuilder(header()).append("<Connect><Stream url=\"").append(escape(streamUrl))
                .append("\" name=\"switchboard\">");
        parameters.forEach((name, value) -> xml.append("<Parameter name=\"").append(escape(name)).append("\" value=\"")
                .append(escape(value)).append("\"/>"));
        return xml.append("</Stream></Connect></Response>").toString();
    }

    static String sayAndHangUp(String text, String language) {
        return header() + say(text, language) + "<Hangup/></Response>";
    }

    static String dial(String text, String language, String number) {
        return header() + (text == null ? "" : say(text, language)) + "<Dial>" + escape(number) + "</Dial></Response>";
    }

    static String reject() {
        return header() + "<Reject reason=\"rejected\"/></Response>";
    }

    private static String say(String text, String language) {
        return "<Say language=\"" + ("es".equals(language) ? "es-ES" : "en-US") + "\">" + escape(text) + "</Say>";
    }

    private static String header() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>";
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
