package dev.switchboard.whatsapp.media;

import java.util.Locale;

/**
 * What the agent reads in place of a file it cannot see: what kind of file, its caption or name, its size, and
 * the words of a voice note when it was transcribed. Captions and file names are the customer's words, quoted.
 */
final class MediaDescriptions {

    private MediaDescriptions() {
    }

    static String visual(String mediaType, String mimeType, String size, String caption) {
        String what = "video".equals(mediaType) ? "a video" : "an image";
        return "The customer sent " + what + " (" + mimeType + ", " + size + ")"
                + (caption == null || caption.isBlank() ? " without a caption." : " with the caption \"" + caption + "\".");
    }

    static String document(String filename, String mimeType, String size, String caption) {
        return "The customer sent a document" + (filename == null ? "" : " named \"" + filename + "\"") + " ("
                + mimeType + ", " + size + ")"
                + (caption == null || caption.isBlank() ? "." : " with the caption \"" + caption + "\".");
    }

    static String transcribed(boolean voiceNote, String text) {
        return "The customer sent " + (voiceNote ? "a voice note" : "an audio file") + " that says: \"" + text + "\"";
    }

    static String untranscribed(boolean voiceNote, String mimeType, String size) {
        return "The customer sent " + (voiceNote ? "a voice note" : "an audio file") + " (" + mimeType + ", " + size
                + "). No transcription is available: ask them to write it as text if you need its content.";
    }

    static String unavailable(String mediaType, String caption, String why) {
        return "The customer sent " + ("image".equals(mediaType) || "audio".equals(mediaType) ? "an " : "a ") + mediaType
                + (caption == null || caption.isBlank() ? "" : " with the caption \"" + caption + "\"")
                + " that could not be retrieved (" + why + ").";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
