package dev.greenlight.release;

/**
 * Segregation of duties, the one rule for every decision about a release (a review, an override, an emergency's
 * assessment or leader decision): nobody decides about a release they created or that holds a changeset they wrote.
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
}
