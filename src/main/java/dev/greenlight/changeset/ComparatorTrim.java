package dev.greenlight.changeset;

/**
 * node-semver's comparator trim ({@code > 1.2.3} becomes {@code >1.2.3}) as node-semver 7.8 does it: a scanner that
 * reads each character a bounded number of times (internal/trim-comparator-whitespace.js). It removes the same
 * whitespace as the regex {@code (\s?)((?:<|>)?=?)\s?(LOOSEPLAIN|XRANGEPLAIN)} replaced by {@code $1$2$3}, which
 * tried every start position again and was quadratic on runs such as "vvvv…" or "0000…".
 */
final class ComparatorTrim {
    /** node-semver's MAX_LENGTH, the most digits its "safe" regexes read in one number. */
    private static final int MAX_LENGTH = 256;
    /** node-semver's MAX_SAFE_BUILD_LENGTH, the most characters they read in one identifier. */
    private static final int MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;

    private final CharSequence range;
    // the last two digit runs found, so that a full version failing on its second run does not reread the first
    private int runStart = -1;
    private int runEnd = -1;
    private int previousRunStart = -1;
    private int previousRunEnd = -1;

    private ComparatorTrim(CharSequence range) {
        this.range = range;
    }

    static String apply(String range) {
        return new ComparatorTrim(ParseSteps.counted(range)).trim();
    }

    private String trim() {
        StringBuilder result = new StringBuilder(range.length());
        int copyFrom = 0;
        int cursor = 0;
        while (cursor < range.length()) {
            int matchStart = cursor;
            char c = range.charAt(cursor);
            if (c == '<' || c == '>') {
                cursor++;
            } else if (!isVersionPrefix(cursor) && !isVersionStart(cursor)) {
                cursor++;
                continue;
            }
            // a run of v, = and whitespace is read once, even when no version follows it
            while (isVersionPrefix(cursor)) {
                cursor++;
            }
            if (!isVersionStart(cursor)) {
                continue;
            }
            int whitespace = removableWhitespace(matchStart);
            if (whitespace >= 0) {
                result.append(range, copyFrom, whitespace);
                copyFrom = whitespace + 1;
            }
            // the whole version is skipped, so that a prerelease's trailing "v" is not read as another prefix
            cursor = versionEnd(cursor);
        }
        return result.append(range, copyFrom, range.length()).toString();
    }

    private char at(int index) {
        return index < range.length() ? range.charAt(index) : '\0';
    }

    private boolean isWhitespace(int index) {
        return index < range.length() && JsText.isWhitespace(range.charAt(index));
    }

    private boolean isVersionPrefix(int index) {
        char c = at(index);
        return c == 'v' || c == '=' || isWhitespace(index);
    }

    private boolean isDigit(int index) {
        char c = at(index);
        return c >= '0' && c <= '9';
    }

    private boolean isLetter(int index) {
        char c = at(index);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private boolean isIdentifierCharacter(int index) {
        return isDigit(index) || isLetter(index) || at(index) == '-';
    }

    private boolean isVersionStart(int index) {
        char c = at(index);
        return isDigit(index) || c == 'x' || c == 'X' || c == '*';
    }

    /** The end of the digits from {@code start}, at most {@code limit} of them; {@code start} when there are none. */
    private int digitsEnd(int start, int limit) {
        if (!isDigit(start)) {
            return start;
        }
        if (start >= runStart && start < runEnd) {
            return Math.min(start + limit, runEnd);
        }
        if (start >= previousRunStart && start < previousRunEnd) {
            return Math.min(start + limit, previousRunEnd);
        }
        int end = start + 1;
        while (isDigit(end)) {
            end++;
        }
        previousRunStart = runStart;
        previousRunEnd = runEnd;
        runStart = start;
        runEnd = end;
        return Math.min(start + limit, end);
    }

    /** A number: strict syntax reads only the "0" of "012", loose syntax all of it. */
    private int numberEnd(int start, boolean loose) {
        if (!loose && at(start) == '0') {
            return start + 1;
        }
        return digitsEnd(start, loose ? MAX_LENGTH : MAX_LENGTH + 1);
    }

    /** One prerelease identifier: the letter-or-hyphen form first, then the number-only form. */
    private int prereleaseIdentifierEnd(int start, boolean loose) {
        int digits = digitsEnd(start, MAX_LENGTH);
        if (isLetter(digits) || at(digits) == '-') {
            int end = digits + 1;
            int limit = end + MAX_SAFE_BUILD_LENGTH;
            while (end < limit && isIdentifierCharacter(end)) {
                end++;
            }
            return end;
        }
        return numberEnd(start, loose);
    }

    /** A prerelease such as "-beta.1"; loose syntax allows it without the hyphen. */
    private int prereleaseEnd(int start, boolean loose) {
        boolean hyphen = at(start) == '-';
        if (!loose && !hyphen) {
            return start;
        }
        int identifierStart = start + (hyphen ? 1 : 0);
        int end = prereleaseIdentifierEnd(identifierStart, loose);
        if (end == identifierStart) {
            if (!loose || !hyphen) {
                return start;
            }
            // in loose syntax a lone hyphen is an identifier itself
            end = prereleaseIdentifierEnd(start, loose);
        }
        while (at(end) == '.') {
            int next = prereleaseIdentifierEnd(end + 1, loose);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    private int buildIdentifierEnd(int start) {
        int end = start;
        while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(end)) {
            end++;
        }
        return end;
    }

    /** Build metadata such as "+sha.123"; {@code start} when there is none. */
    private int buildEnd(int start) {
        if (at(start) != '+') {
            return start;
        }
        int end = buildIdentifierEnd(start + 1);
        if (end == start + 1) {
            return start;
        }
        while (at(end) == '.') {
            int next = buildIdentifierEnd(end + 1);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** LOOSEPLAIN without its prefix: three loose numbers, a loose prerelease, a build. */
    private int looseFullVersionEnd(int start) {
        int end = start;
        for (int component = 0; component < 3; component++) {
            int next = numberEnd(end, true);
            if (next == end) {
                return start;
            }
            end = next;
            if (component < 2) {
                if (at(end) != '.') {
                    return start;
                }
                end++;
            }
        }
        return buildEnd(prereleaseEnd(end, true));
    }

    private int partialComponentEnd(int start) {
        if (isDigit(start)) {
            return numberEnd(start, false);
        }
        return isVersionStart(start) ? start + 1 : start;
    }

    /** XRANGEPLAIN without its prefix: "1", "1.2", "1.x", "1.2.3-beta+sha". */
    private int partialVersionEnd(int start) {
        int end = partialComponentEnd(start);
        for (int component = 0; component < 2; component++) {
            if (at(end) != '.') {
                return end;
            }
            int next = partialComponentEnd(end + 1);
            if (next == end + 1) {
                return end;
            }
            end = next;
        }
        return buildEnd(prereleaseEnd(end, false));
    }

    private int versionEnd(int start) {
        int full = looseFullVersionEnd(start);
        return full != start ? full : partialVersionEnd(start);
    }

    /** The whitespace between an operator and its version that the regex dropped, or -1. */
    private int removableWhitespace(int matchStart) {
        int position = matchStart;
        if (isWhitespace(position)) {
            position++;
        }
        if (at(position) == '<' || at(position) == '>') {
            position++;
        }
        if (at(position) == '=') {
            position++;
        }
        return isWhitespace(position) ? position : -1;
    }
}
