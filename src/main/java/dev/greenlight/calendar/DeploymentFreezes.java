package dev.greenlight.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.common.ConflictException;
import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.security.Actor;

/**
 * No deployment to an environment while a freeze window covers it (windows for everything or naming that
 * environment), unless engineering leadership approved an emergency for the release; that passage is recorded as
 * {@code freeze.bypassed}, as for publishing.
 */
@ApplicationScoped
public class DeploymentFreezes {
    private final FreezeService freezes;
    private final EmergencyService emergencies;

    @Inject
    DeploymentFreezes(FreezeService freezes, EmergencyService emergencies) {
        this.freezes = freezes;
        this.emergencies = emergencies;
    }

    /** Refuses with a conflict naming the windows, or records the emergency's bypass; nothing when none covers it. */
    public void check(Actor actor, long releaseId, String environment, Instant at) {
        List<FreezeService.Frozen> frozen = freezes.coveringEnvironment(environment, at);
        if (frozen.isEmpty()) {
            return;
        }
        Optional<Long> emergency = emergencies.approvedFor(releaseId);
        if (emergency.isPresent()) {
            freezes.recordBypass(actor, releaseId, emergency.get(), frozen);
            return;
        }
        throw new ConflictException("Release " + releaseId + " may not be deployed to " + environment
                + " during a change freeze: "
                + frozen.stream().map(FreezeService.Frozen::description).collect(Collectors.joining("; "))
                + ". Only an emergency approved by engineering leadership may be deployed now.");
    }
}
