package dev.greenlight.notify;

import io.quarkus.qute.TemplateExtension;

/**
 * Slack escaping for the Block Kit templates. Qute already JSON-escapes every expression of a {@code .json} template,
 * so no value can break the JSON; user text also goes through {@link #slackText} so that it cannot inject Slack markup
 * (links, mentions). Markup Greenlight builds (links, mentions) is written without it.
 */
@TemplateExtension
class SlackText {

    private SlackText() {
    }

    /** User text shown as Slack mrkdwn: {@code &}, {@code <}, {@code >} escaped as Slack asks. */
    static String slackText(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** At most {@code max} characters, so that a section stays under Slack's 3,000-character limit. */
    static String shorten(String value, int max) {
        if (value == null || value.length() <= max) {
            return value == null ? "" : value;
        }
        return value.substring(0, max - 1) + "…";
    }
}
