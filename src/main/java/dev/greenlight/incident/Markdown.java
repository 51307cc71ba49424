package dev.greenlight.incident;

import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * Markdown written by people (incident reports, post-mortem sections) as HTML that is safe to show. Two layers:
 * commonmark escapes raw HTML and drops unsafe link schemes, then the OWASP sanitiser keeps only an allow-list of
 * elements and attributes, so that a bug or a new trick in one layer alone lets no script through.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre",
                    "blockquote", "ul", "ol", "li", "a")
            .allowAttributes("href", "title")
            .onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowAttributes("start")
            .matching(Pattern.compile("[0-9]{1,6}"))
            .onElements("ol")
            .allowAttributes("class")
            .matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,40}"))
            .onElements("code")
            .toFactory();

    private Markdown() {
    }

    /** Safe HTML for {@code markdown}; empty for null or blank text. */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** For templates: {@code {incident.report.markdown}}. */
    @TemplateExtension
    static RawString markdown(String markdown) {
        return new RawString(toSafeHtml(markdown));
    }
}
