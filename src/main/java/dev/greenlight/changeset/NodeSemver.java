package dev.greenlight.changeset;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.semver4j.Semver;
import org.semver4j.SemverException;

/**
 * node-semver 7 in strict mode without includePrerelease, which is what @changesets/* calls: version parsing,
 * {@code semver.inc} for major/minor/patch, {@code validRange} and {@code satisfies}.
 * <p>
 * Ranges are desugared exactly like node-semver's {@code Range} class and tested against semver4j versions.
 * semver4j's own range parser is not used: it accepts ranges node-semver rejects ("latest" becomes {@code >=0.0.0},
 * "1.2.3 || banana" becomes {@code =1.2.3}) and reads "x" as {@code <0.0.0}, and Changesets' behaviour depends on
 * exactly which ranges are valid.
 */
final class NodeSemver {

    private static final int MAX_LENGTH = 256;
    private static final long MAX_SAFE_INTEGER = 9007199254740991L;

    private static final String S = JsText.WHITESPACE;
    private static final String NUMERIC = "0|[1-9]\\d*";
    private static final String NON_NUMERIC = "\\d*[a-zA-Z-][a-zA-Z0-9-]*";
    private static final String PRERELEASE_ID = "(?:" + NON_NUMERIC + "|" + NUMERIC + ")";
    private static final String PRERELEASE = "(?:-(" + PRERELEASE_ID + "(?:\\." + PRERELEASE_ID + ")*))";
    private static final String BUILD = "(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))";
    private static final String FULL_PLAIN =
            "v?(" + NUMERIC + ")\\.(" + NUMERIC + ")\\.(" + NUMERIC + ")" + PRERELEASE + "?" + BUILD + "?";
    private static final String GTLT = "((?:<|>)?=?)";
    private static final String X_ID = NUMERIC + "|x|X|\\*";
    private static final String X_RANGE_PLAIN = "[v=" + JsText.WHITESPACE_CHARS + "]*(" + X_ID + ")(?:\\.(" + X_ID
            + ")(?:\\.(" + X_ID + ")(?:" + PRERELEASE + ")?" + BUILD + "?)?)?";

    private static final Pattern FULL = Pattern.compile(FULL_PLAIN);
    private static final Pattern WHITESPACE_RUN = Pattern.compile(S + "+");
    private static final Pattern BUILD_PATTERN = Pattern.compile(BUILD);
    private static final Pattern HYPHEN_RANGE =
            Pattern.compile(S + "*(" + X_RANGE_PLAIN + ")" + S + "+-" + S + "+(" + X_RANGE_PLAIN + ")" + S + "*");
    // node-semver runs these with "safe" regexes that take at most one whitespace character where \s* is written.
    private static final Pattern TILDE_TRIM = Pattern.compile("(" + S + "?)~>?" + S);
    private static final Pattern CARET_TRIM = Pattern.compile("(" + S + "?)\\^" + S);
    private static final Pattern TILDE = Pattern.compile("~>?" + X_RANGE_PLAIN);
    private static final Pattern CARET = Pattern.compile("\\^" + X_RANGE_PLAIN);
    private static final Pattern X_RANGE = Pattern.compile(GTLT + S + "*" + X_RANGE_PLAIN);
    private static final Pattern STAR = Pattern.compile("(<|>)?=?" + S + "*\\*");
    private static final Pattern GTE0 = Pattern.compile(S + "*>=" + S + "*0\\.0\\.0" + S + "*");
    private static final Pattern COMPARATOR = Pattern.compile(GTLT + S + "?(" + FULL_PLAIN + ")");

    private NodeSemver() {
    }

    /** {@code new SemVer(value)}, or null where node-semver throws. */
    static Semver parseVersion(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return null;
        }
        Matcher m = FULL.matcher(ParseSteps.counted(JsText.trim(value)));
        if (!m.matches()) {
            return null;
        }
        // semver4j keeps numbers in ints; beyond that the version is treated as invalid.
        for (int group = 1; group <= 3; group++) {
            if (m.group(group).length() > 9 && new BigInteger(m.group(group)).bitLength() > 31) {
                return null;
            }
        }
        String prerelease = m.group(4) == null ? "" : "-" + m.group(4);
        try {
            return new Semver(m.group(1) + "." + m.group(2) + "." + m.group(3) + prerelease);
        } catch (SemverException e) {
            return null;
        }
    }

    /** {@code semver.inc(version, type)} for a release type other than none. */
    static String increment(Semver version, BumpType type) {
        long major = version.getMajor();
        long minor = version.getMinor();
        long patch = version.getPatch();
        boolean prerelease = !version.getPreRelease().isEmpty();
        // A prerelease of x.0.0 (or x.y.0, x.y.z) graduates to that version instead of skipping past it.
        switch (type) {
            case MAJOR -> {
                if (minor != 0 || patch != 0 || !prerelease) {
                    major++;
                }
                minor = 0;
                patch = 0;
            }
            case MINOR -> {
                if (patch != 0 || !prerelease) {
                    minor++;
                }
                patch = 0;
            }
            case PATCH -> {
                if (!prerelease) {
                    patch++;
                }
            }
            case NONE -> throw new IllegalArgumentException("nothing to increment for a none release");
        }
        return major + "." + minor + "." + patch;
    }

    /**
     * The prerelease identifier at {@code index} as node-semver's number, empty when it is absent.
     *
     * @throws IllegalArgumentException when the identifier is there but is not a number
     */
    static OptionalLong prereleaseNumber(Semver version, int index) {
        List<String> identifiers = version.getPreRelease();
        if (identifiers.size() <= index) {
            return OptionalLong.empty();
        }
        String identifier = identifiers.get(index);
        if (identifier.chars().allMatch(Character::isDigit) && identifier.length() < 17
                && Long.parseLong(identifier) < MAX_SAFE_INTEGER) {
            return OptionalLong.of(Long.parseLong(identifier));
        }
        throw new IllegalArgumentException("prerelease identifier \"" + identifier + "\" is not a number");
    }

    /** {@code semver.prerelease(version) !== null}. */
    static boolean isPrerelease(String version) {
        Semver parsed = parseVersion(version);
        return parsed != null && !parsed.getPreRelease().isEmpty();
    }

    static boolean isValidRange(String range) {
        return parseRange(range) != null;
    }

    /** {@code semver.satisfies(version, range)}: false for an invalid version or range. */
    static boolean satisfies(String version, String range) {
        Semver parsed = parseVersion(version);
        Range parsedRange = parseRange(range);
        return parsed != null && parsedRange != null && parsedRange.test(parsed);
    }

    /** {@code new Range(range)}, or null where node-semver throws. */
    static Range parseRange(String range) {
        try {
            String raw = WHITESPACE_RUN.matcher(ParseSteps.counted(JsText.trim(range))).replaceAll(" ");
            List<List<Comparator>> sets = new ArrayList<>();
            for (String part : raw.split("\\|\\|", -1)) {
                sets.add(parseComparatorSet(JsText.trim(part)));
            }
            if (sets.size() > 1) {
                List<Comparator> first = sets.get(0);
                sets.removeIf(set -> set.get(0).isNullSet());
                if (sets.isEmpty()) {
                    sets.add(first);
                } else {
                    // a set matching anything makes the others irrelevant
                    sets.stream().filter(set -> set.size() == 1 && set.get(0).isAny()).findFirst()
                            .ifPresent(any -> sets.removeIf(set -> set != any));
                }
            }
            return new Range(List.copyOf(sets));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Comparator> parseComparatorSet(String range) {
        String desugared = BUILD_PATTERN.matcher(ParseSteps.counted(range)).replaceAll("");
        Matcher hyphen = HYPHEN_RANGE.matcher(ParseSteps.counted(desugared));
        if (hyphen.matches()) {
            desugared = hyphenRange(hyphen);
        }
        desugared = ComparatorTrim.apply(desugared);
        desugared = TILDE_TRIM.matcher(ParseSteps.counted(desugared)).replaceAll("$1~");
        desugared = CARET_TRIM.matcher(ParseSteps.counted(desugared)).replaceAll("$1^");
        String joined = List.of(desugared.split(" ", -1)).stream().map(NodeSemver::desugarComparator)
                .collect(Collectors.joining(" "));
        Map<String, Comparator> comparators = new LinkedHashMap<>();
        for (String text : WHITESPACE_RUN.split(ParseSteps.counted(joined), -1)) {
            Comparator comparator = Comparator.parse(GTE0.matcher(ParseSteps.counted(JsText.trim(text))).matches() ? "" : text);
            if (comparator.isNullSet()) {
                return List.of(comparator);
            }
            comparators.put(comparator.value(), comparator);
        }
        if (comparators.size() > 1) {
            comparators.remove("");
        }
        return List.copyOf(comparators.values());
    }

    private static String desugarComparator(String comparator) {
        String result = BUILD_PATTERN.matcher(ParseSteps.counted(comparator)).replaceFirst("");
        result = eachWord(JsText.trim(result), NodeSemver::caret);
        result = eachWord(JsText.trim(result), NodeSemver::tilde);
        result = eachWord(result, word -> xRange(JsText.trim(word)));
        return STAR.matcher(ParseSteps.counted(JsText.trim(result))).replaceFirst("");
    }

    private static String eachWord(String text, UnaryOperator<String> desugar) {
        return List.of(WHITESPACE_RUN.split(ParseSteps.counted(text), -1)).stream().map(desugar).collect(Collectors.joining(" "));
    }

    private static String caret(String comparator) {
        Matcher m = CARET.matcher(ParseSteps.counted(comparator));
        if (!m.matches()) {
            return comparator;
        }
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pre = m.group(4) == null ? "" : "-" + m.group(4);
        if (isX(major)) {
            return "";
        }
        if (isX(minor)) {
            return ">=" + major + ".0.0 <" + plusOne(major) + ".0.0-0";
        }
        if (isX(patch)) {
            return major.equals("0")
                    ? ">=" + major + "." + minor + ".0 <" + major + "." + plusOne(minor) + ".0-0"
                    : ">=" + major + "." + minor + ".0 <" + plusOne(major) + ".0.0-0";
        }
        String from = ">=" + major + "." + minor + "." + patch + pre;
        if (!major.equals("0")) {
            return from + " <" + plusOne(major) + ".0.0-0";
        }
        return minor.equals("0")
                ? from + " <" + major + "." + minor + "." + plusOne(patch) + "-0"
                : from + " <" + major + "." + plusOne(minor) + ".0-0";
    }

    private static String tilde(String comparator) {
        Matcher m = TILDE.matcher(ParseSteps.counted(comparator));
        if (!m.matches()) {
            return comparator;
        }
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pre = m.group(4) == null ? "" : "-" + m.group(4);
        if (isX(major)) {
            return "";
        }
        if (isX(minor)) {
            return ">=" + major + ".0.0 <" + plusOne(major) + ".0.0-0";
        }
        if (isX(patch)) {
            return ">=" + major + "." + minor + ".0 <" + major + "." + plusOne(minor) + ".0-0";
        }
        return ">=" + major + "." + minor + "." + patch + pre + " <" + major + "." + plusOne(minor) + ".0-0";
    }

    private static String xRange(String comparator) {
        Matcher m = X_RANGE.matcher(ParseSteps.counted(comparator));
        if (!m.matches()) {
            return comparator;
        }
        String operator = m.group(1);
        String major = m.group(2);
        String minor = m.group(3);
        String patch = m.group(4);
        if ((isX(major) && !isX(minor)) || (isX(minor) && patch != null && !patch.isEmpty() && !isX(patch))) {
            return comparator;
        }
        boolean xMajor = isX(major);
        boolean xMinor = xMajor || isX(minor);
        boolean anyX = xMinor || isX(patch);
        if (operator.equals("=") && anyX) {
            operator = "";
        }
        if (xMajor) {
            return operator.equals(">") || operator.equals("<") ? "<0.0.0-0" : "*";
        }
        if (!operator.isEmpty() && anyX) {
            String newMajor = major;
            String newMinor = xMinor ? "0" : minor;
            if (operator.equals(">")) {
                operator = ">=";
                if (xMinor) {
                    newMajor = plusOne(major);
                } else {
                    newMinor = plusOne(minor);
                }
            } else if (operator.equals("<=")) {
                operator = "<";
                if (xMinor) {
                    newMajor = plusOne(major);
                } else {
                    newMinor = plusOne(minor);
                }
            }
            return operator + newMajor + "." + newMinor + ".0" + (operator.equals("<") ? "-0" : "");
        }
        if (xMinor) {
            return ">=" + major + ".0.0 <" + plusOne(major) + ".0.0-0";
        }
        if (anyX) {
            return ">=" + major + "." + minor + ".0 <" + major + "." + plusOne(minor) + ".0-0";
        }
        return comparator;
    }

    private static String hyphenRange(Matcher m) {
        String from = m.group(1);
        String fromMajor = m.group(2);
        String fromMinor = m.group(3);
        String fromPatch = m.group(4);
        String to = m.group(7);
        String toMajor = m.group(8);
        String toMinor = m.group(9);
        String toPatch = m.group(10);
        String toPre = m.group(11);
        if (isX(fromMajor)) {
            from = "";
        } else if (isX(fromMinor)) {
            from = ">=" + fromMajor + ".0.0";
        } else if (isX(fromPatch)) {
            from = ">=" + fromMajor + "." + fromMinor + ".0";
        } else {
            from = ">=" + from;
        }
        if (isX(toMajor)) {
            to = "";
        } else if (isX(toMinor)) {
            to = "<" + plusOne(toMajor) + ".0.0-0";
        } else if (isX(toPatch)) {
            to = "<" + toMajor + "." + plusOne(toMinor) + ".0-0";
        } else if (toPre != null) {
            to = "<=" + toMajor + "." + toMinor + "." + toPatch + "-" + toPre;
        } else {
            to = "<=" + to;
        }
        return JsText.trim(from + " " + to);
    }

    private static boolean isX(String id) {
        return id == null || id.isEmpty() || id.equalsIgnoreCase("x") || id.equals("*");
    }

    private static String plusOne(String number) {
        return new BigInteger(number).add(BigInteger.ONE).toString();
    }

    /** A desugared range: sets of comparators, any of which must all match. */
    record Range(List<List<Comparator>> sets) {

        /** node-semver's {@code range.range}: "" for ranges that match any release, like "*" and "x". */
        String format() {
            return sets.stream()
                    .map(set -> set.stream().map(c -> JsText.trim(c.value())).collect(Collectors.joining(" ")))
                    .collect(Collectors.joining("||"));
        }

        boolean test(Semver version) {
            return sets.stream().anyMatch(set -> testSet(set, version));
        }

        private static boolean testSet(List<Comparator> set, Semver version) {
            if (!set.stream().allMatch(c -> c.test(version))) {
                return false;
            }
            if (version.getPreRelease().isEmpty()) {
                return true;
            }
            // A prerelease only matches when a comparator opts into prereleases of the same major.minor.patch.
            return set.stream().map(Comparator::version)
                    .anyMatch(allowed -> allowed != null && !allowed.getPreRelease().isEmpty()
                            && allowed.getMajor() == version.getMajor() && allowed.getMinor() == version.getMinor()
                            && allowed.getPatch() == version.getPatch());
        }
    }

    /** One comparator; a null version matches anything. */
    record Comparator(String operator, Semver version) {

        static Comparator parse(String text) {
            String comparator = String.join(" ", WHITESPACE_RUN.split(ParseSteps.counted(JsText.trim(text))));
            if (comparator.isEmpty()) {
                return new Comparator("", null);
            }
            Matcher m = COMPARATOR.matcher(ParseSteps.counted(comparator));
            Semver version = m.matches() ? parseVersion(m.group(2)) : null;
            if (version == null) {
                throw new IllegalArgumentException("invalid comparator: " + comparator);
            }
            return new Comparator(m.group(1).equals("=") ? "" : m.group(1), version);
        }

        String value() {
            return version == null ? "" : operator + version.getVersion();
        }

        boolean isAny() {
            return version == null;
        }

        boolean isNullSet() {
            return value().equals("<0.0.0-0");
        }

        boolean test(Semver candidate) {
            if (version == null) {
                return true;
            }
            int cmp = candidate.compareTo(version);
            return switch (operator) {
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                default -> cmp == 0;
            };
        }
    }
}
