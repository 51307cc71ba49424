package dev.greenlight.changeset;

import java.util.Locale;

/**
 * A Changesets release type, ordered from no release to a major release.
 */
public enum BumpType {
    NONE, PATCH, MINOR, MAJOR;

    /** The form used in changeset files and JSON: "none", "patch", "minor" or "major". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the exact lowercase form, as Changesets does (it rejects "Patch").
     *
     * @throws IllegalArgumentException when {@code value} is not one of the four ids
     */
    public static BumpType parse(String value) {
        for (BumpType type : values()) {
            if (type.id().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown bump type " + (value == null ? "null" : "\"" + value + "\"")
                        + ", expected one of none, patch, minor, major");
    }

    @Override
    public String toString() {
        return id();
    }
}
