package dev.greenlight.notify;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Slack mrkdwn that Greenlight wrote itself (a link to the portal, a mention it resolved): the only values the Block
 * Kit templates output as markup. Every other value of a template is text and is escaped ({@link SlackEscaping}).
 */
record SlackMarkup(String markup) {
    SlackMarkup {
        Objects.requireNonNull(markup);
    }

    /** Markup built by Greenlight from trusted parts: configuration, validated ids, escaped text. */
    static SlackMarkup of(String markup) {
        return new SlackMarkup(markup);
    }

    /** Text shown as it is written, whatever it contains. */
    static SlackMarkup text(String text) {
        return new SlackMarkup(escape(text));
    }

    static SlackMarkup join(List<SlackMarkup> parts, String separator) {
        return new SlackMarkup(parts.stream().map(SlackMarkup::markup).collect(Collectors.joining(separator)));
    }

    /** Text for mrkdwn: {@code &}, {@code <} and {@code >} as Slack asks, so that text cannot mention or link. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return markup;
    }
}
