package dev.greenlight.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Markdown from people is shown as HTML: no script, handler, dangerous URL or active element may survive. */
class MarkdownTest {

    static Stream<String> payloads() {
        return Stream.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<body onload=alert(1)>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "[click](java\tscript:alert(1))",
                "[click](&#106;avascript:alert(1))",
                "[click](&#x6A;avascript&#58;alert(1))",
                "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![x](javascript:alert(1))",
                "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
                "[click](https://example.com \"title\\\" onmouseover=\\\"alert(1)\")",
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "<p style=\"width: expression(alert(1))\">x</p>",
                "<style>body{background:url(javascript:alert(1))}</style>",
                "<details open ontoggle=alert(1)>",
                "<object data=\"javascript:alert(1)\"></object>",
                "<embed src=\"javascript:alert(1)\">",
                "<form action=\"javascript:alert(1)\"><button>go</button></form>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "[x]: javascript:alert(1)\n\n[link][x]",
                "<javascript:alert(1)>",
                "`<script>` is fine in code, but <script>alert(1)</script> is not",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<<script>script>alert(1)<</script>/script>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void noScriptSurvives(String payload) {
        String html = Markdown.toSafeHtml("Before\n\n" + payload + "\n\nAfter").toLowerCase(Locale.ROOT);
        assertThat(html).doesNotContain("<script", "<svg", "<iframe", "<object", "<embed", "<style", "<form",
                "<meta", "<img", "<details", "<math", "<body");
        assertThat(html).doesNotContainPattern("\\son[a-z]+\\s*=");
        assertThat(html).doesNotContainPattern("(href|src|action|data)\\s*=\\s*\"?\\s*(javascript|vbscript|data):");
        // text may mention anything, escaped; no element may carry a style
        assertThat(html).doesNotContainPattern("<[a-z0-9]+[^>]*\\sstyle\\s*=");
        assertThat(html).contains("before", "after");
    }

    @Test
    void ordinaryMarkdownStillRenders() {
        String html = Markdown.toSafeHtml("""
                # Root cause

                The **cache** was *stale*; see [the runbook](https://runbooks.example/cache "Runbook").

                - first
                - second

                1. one
                2. two

                > quoted

                ```java
                int x = 1 < 2 ? 1 : 0;
                ```

                Inline `code` and a line
                break.
                """);
        assertThat(html).contains("<h1>Root cause</h1>", "<strong>cache</strong>", "<em>stale</em>",
                "<ul><li>first</li>", "<ol><li>one</li>", "<blockquote>", "<code>code</code>",
                "<code class=\"language-java\">int x &#61; 1 &lt; 2 ? 1 : 0;", "<br />");
        assertThat(html).contains("<a href=\"https://runbooks.example/cache\" title=\"Runbook\" rel=\"")
                .containsPattern("rel=\"[a-z ]*noopener[a-z ]*\">the runbook</a>");
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertThat(Markdown.toSafeHtml("<b>bold?</b>")).isEqualTo("<p>&lt;b&gt;bold?&lt;/b&gt;</p>\n");
    }

    @Test
    void nothingForBlankText() {
        assertThat(Markdown.toSafeHtml(null)).isEmpty();
        assertThat(Markdown.toSafeHtml("  ")).isEmpty();
    }
}
