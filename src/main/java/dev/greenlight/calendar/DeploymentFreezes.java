package dev.greenlight.calendar;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.security.Actor;

/**
 * No deployment may start in an environment while a freeze window covers it (windows for everything or naming that
 * environment); the way through is the same as for publishing ({@link FreezePassage}).
 */
@ApplicationScoped
public class DeploymentFreezes {
    private final FreezeService freezes;
    private final FreezePassage passage;

    @Inject
    DeploymentFreezes(FreezeService freezes, FreezePassage passage) {
        this.freezes = freezes;
        this.passage = passage;
    }

    /** Refuses with a conflict naming the windows, or records the emergency's bypass; nothing when none covers it. */
    public void check(Actor actor, long releaseId, String environment, Instant at) {
        passage.passOrRefuse(actor, releaseId, freezes.coveringEnvironment(environment, at),
                "deployed to " + environment,
                "deployed");
    }
}
