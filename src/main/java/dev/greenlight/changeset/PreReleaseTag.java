package dev.greenlight.changeset;

import java.util.Locale;

/**
 * The tags Greenlight allows for Changesets' pre mode ({@code changeset pre enter <tag>}).
 */
public enum PreReleaseTag {
    ALPHA, BETA, RC;

    /** The lowercase tag that appears in versions, e.g. "rc" in 2.0.0-rc.0. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the exact lowercase tag.
     *
     * @throws IllegalArgumentException when {@code value} is not "alpha", "beta" or "rc"
     */
    public static PreReleaseTag parse(String value) {
        for (PreReleaseTag tag : values()) {
            if (tag.id().equals(value)) {
                return tag;
            }
        }
        throw new IllegalArgumentException(
                "unknown prerelease tag " + (value == null ? "null" : "\"" + value + "\"")
                        + ", expected one of alpha, beta, rc");
    }

    @Override
    public String toString() {
        return id();
    }
}
