package dev.switchboard.whatsapp;

import java.util.List;

/**
 * An approved template as campaigns and the dashboard see it.
 *
 * @param parameterCount how many values a send must supply (header and body placeholders, URL button suffixes)
 */
public record MessageTemplate(String name, String language, String category, String status,
                              List<Component> components, int parameterCount) {

    /**
     * @param type    HEADER, BODY, FOOTER or BUTTONS
     * @param format  for a header: TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION
     * @param text    the text with its {{1}} or {{name}} placeholders
     */
    public record Component(String type, String format, String text, List<Button> buttons) {
    }

    /** @param type QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE... */
    public record Button(String type, String text, String url, String phoneNumber) {
    }
}
