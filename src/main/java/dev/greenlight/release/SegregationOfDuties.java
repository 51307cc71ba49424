package dev.greenlight.release;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Segregation of duties, the one rule for every decision about a release (a review, an override, an emergency's
 * assessment or leader decision) and every measurement a person reports about it (a gate result, a post-release check,
 * a deployment): nobody decides about or attests to a release they created or that holds a changeset they wrote.
 */
public final class SegregationOfDuties {

    private SegregationOfDuties() {
    }

    /**
     * Null when {@code username} may decide about the release, else why not, followed by {@code instead} (who must
     * decide instead, e.g. "another code reviewer must review it").
     */
    public static String refusal(ReleaseFacts release, String username, String instead) {
        if (username.equals(release.createdBy())) {
            return "You created this release: " + instead + ".";
        }
        if (release.changesetAuthors().contains(username)) {
            return "You wrote a changeset in this release: " + instead + ".";
        }
        return null;
    }

    /**
     * Null when {@code reporter} may report a measurement about the release, else why not. CI, the machine client,
     * reports what the pipeline measured; a person is held to {@link #refusal}.
     */
    public static String reportRefusal(ReleaseFacts release, Actor reporter, String instead) {
        return reporter.has(Role.CI) ? null : refusal(release, reporter.username(), instead);
    }
}
