package dev.greenlight.common;

/**
 * How large each input to changesets and release plans may be. Each limit is checked where the input arrives, before
 * anything is parsed, and input above it is refused with a 400 that names the field and the limit. The values are far
 * above what a real workspace needs (NeuronX has five packages; @changesets/cli writes files of a few hundred bytes),
 * and low enough that the largest request allowed is parsed and planned in a fraction of a second.
 */
public final class Limits {
    /** The JSON body of a changeset submission or a release plan request (413 above it). */
    public static final long MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** A Changesets markdown file (UTF-8): front matter and a summary are a few lines. */
    public static final int MAX_FILE_BYTES = 64 * 1024;
    /** A changeset's summary; it becomes a changelog entry. */
    public static final int MAX_SUMMARY_CHARS = 10_000;
    /** Changesets (files or JSON) in one submission or plan request. */
    public static final int MAX_CHANGESETS = 100;
    /** Packages in one workspace or plan request, and so the packages one changeset can name. */
    public static final int MAX_PACKAGES = 200;
    /** Entries in one dependency section of one package. */
    public static final int MAX_DEPENDENCIES = 300;
    /** Dependencies between the workspace's own packages, which planning follows; large monorepos have hundreds. */
    public static final int MAX_INTERNAL_DEPENDENCIES = 5_000;
    /**
     * Summary characters times the packages each changeset names: the changelog text one plan writes. A hundred
     * summaries of 10,000 characters each naming 200 packages would be 200 MB of changelogs.
     */
    public static final long MAX_CHANGELOG_CHARS = 1_000_000;
    /** A dependency range; node-semver's MAX_LENGTH, which it applies to versions. */
    public static final int MAX_RANGE_CHARS = 256;
    /** A package version; node-semver refuses longer ones itself. */
    public static final int MAX_VERSION_CHARS = 256;
    /** A package name; npm refuses longer ones. */
    public static final int MAX_PACKAGE_NAME_CHARS = 214;
    /** A dependency section typed one "name range" per line: every entry at its longest, with a space and a newline. */
    public static final int DEPENDENCIES_TEXT_CHARS = MAX_DEPENDENCIES * (MAX_PACKAGE_NAME_CHARS + MAX_RANGE_CHARS + 2);
    /** A title a person types: a release's, an ADR reference's. */
    public static final int TITLE_CHARS = 200;
    /** A link a person types (evidence, ADR references). */
    public static final int URL_CHARS = 2000;
    /** The id of a gate or a post-release check ("coverage", "error-rate"): the longest is a few dozen. */
    public static final int ID_CHARS = 100;
    /** A measured value as typed: 15 significant digits, a sign, a point and leading or trailing zeros. */
    public static final int MEASURED_VALUE_CHARS = 40;
    /** A note beside a gate result, a post-release check or a rollback step. */
    public static final int NOTE_CHARS = 2000;
    /** An evidence file's name as uploaded. */
    public static final int EVIDENCE_FILE_NAME_CHARS = 255;
    /** A reviewer's comment on an approval or a rejection. */
    public static final int REVIEW_COMMENT_CHARS = 4000;
    /** A changeset file name. */
    public static final int MAX_FILE_NAME_CHARS = 200;
    /** A reason or justification a person writes: why a rollback, an override, an assessment, a decision. */
    public static final int REASON_CHARS = 4000;
    /** An incident report or a post-mortem section: pages of Markdown. */
    public static final int REPORT_CHARS = 20_000;
    /** An incident's title, a service list, a risk in a line. */
    public static final int SHORT_TEXT_CHARS = 500;
    /** The username that owns a post-mortem's action item. */
    public static final int OWNER_CHARS = 200;
    /** A line of a post-mortem: a timeline entry, an action item, a reviewer's reason. */
    public static final int LINE_CHARS = 2000;

    private Limits() {
    }

    /** The UTF-8 length of {@code text}, counted no further than {@code limit + 1}. */
    public static long utf8Bytes(String text, long limit) {
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
