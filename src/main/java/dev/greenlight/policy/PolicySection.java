package dev.greenlight.policy;

import io.quarkus.qute.RawString;

/**
 * A feature's part of the policy page, for rules that live with the feature (environments): the page shows them after
 * its own sections, so that policy depends on no feature that depends on it.
 */
public interface PolicySection {

    /** Position after the page's own sections, lowest first. */
    int order();

    /** The section's HTML, rendered from the feature's checked template. */
    RawString render();
}
