package dev.greenlight.notify;

import io.quarkus.qute.TemplateExtension;

/** Template helpers of the Block Kit messages; escaping needs none ({@link SlackEscaping} does it for every value). */
@TemplateExtension
class SlackText {

    private SlackText() {
    }

    /** At most {@code max} characters, so that a section stays under Slack's 3,000-character limit. */
    static String shorten(String value, int max) {
        if (value == null || value.length() <= max) {
            return value == null ? "" : value;
        }
        return value.substring(0, max - 1) + "…";
    }
}
