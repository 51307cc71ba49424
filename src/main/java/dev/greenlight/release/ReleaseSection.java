package dev.greenlight.release;

import java.util.Optional;

import io.quarkus.qute.RawString;

/**
 * One feature's part of the release page, as {@link ReleaseRequirement} is one feature's part of approval. Each
 * feature contributes beans of this type; {@link ReleasePage} renders them in order, each from the feature's own
 * template, so that the release package knows no feature and templates call no beans.
 */
public interface ReleaseSection {

    /** Where on the page a section goes. */
    enum Placement {
        /** Buttons beside the title: what the viewer may do next. */
        ACTIONS,
        /** What the release still needs or has waived: shown above its records. */
        REQUIREMENTS,
        /** What happened: reviews, gates, checks, rollbacks, incidents, references. */
        RECORDS
    }

    Placement placement();

    /** Position within the placement, lowest first. */
    int order();

    /**
     * The section's HTML for this page view, or empty when it has nothing to show the viewer. Rendered from a checked
     * template of the feature, so the HTML is escaped there.
     */
    Optional<RawString> render(ReleasePageContext page);
}
