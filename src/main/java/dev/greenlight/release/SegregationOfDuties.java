package dev.greenlight.release;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;

/**
 * Segregation of duties as other features ask it, a refusal or null; the rule itself is
 * {@link ReleasePermissions#decideAbout} and {@link ReleasePermissions#report}.
 */
public final class SegregationOfDuties {

    private SegregationOfDuties() {
    }

    /**
     * Null when {@code username} may decide about the release, else why not, followed by {@code instead} (who must
     * decide instead, e.g. "another code reviewer must review it").
     */
    public static String refusal(ReleaseFacts release, String username, String instead) {
        return reasonOrNull(ReleasePermissions.decideAbout(release, username, instead));
    }

    /** Null when {@code reporter} may report a measurement about the release, else why not. */
    public static String reportRefusal(ReleaseFacts release, Actor reporter, String instead) {
        return reasonOrNull(ReleasePermissions.report(release, reporter, instead));
    }

    private static String reasonOrNull(Decision decision) {
        return decision.allowed() ? null : decision.reason();
    }
}
