package dev.greenlight.changeset;

/**
 * JavaScript's notion of whitespace, which Changesets and node-semver use to trim and split; it differs from Java's
 * (it includes no-break spaces and the byte order mark).
 */
final class JsText {

    /** The characters of JavaScript's {@code \s}, for use inside a regex character class. */
    static final String WHITESPACE_CHARS =
            "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    /** JavaScript's {@code \s} as a Java regex. */
    static final String WHITESPACE = "[" + WHITESPACE_CHARS + "]";

    private JsText() {
    }

    static boolean isWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                    '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** {@code String.prototype.trim}. */
    static String trim(String s) {
        return trimEnd(s.substring(leadingWhitespace(s)));
    }

    /** {@code String.prototype.trimStart}. */
    static String trimStart(String s) {
        return s.substring(leadingWhitespace(s));
    }

    /** {@code String.prototype.trimEnd}. */
    static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int leadingWhitespace(String s) {
        int start = 0;
        while (start < s.length() && isWhitespace(s.charAt(start))) {
            start++;
        }
        return start;
    }
}
