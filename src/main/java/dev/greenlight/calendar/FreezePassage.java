package dev.greenlight.calendar;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.common.ConflictException;
import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.security.Actor;

/**
 * The one way through a freeze, for publishing and deploying alike: an emergency approved by engineering leadership
 * for the release passes the windows and the passage is recorded as {@code freeze.bypassed}; anything else is refused
 * with the windows named.
 */
@ApplicationScoped
class FreezePassage {
    private final FreezeService freezes;
    private final EmergencyService emergencies;

    @Inject
    FreezePassage(FreezeService freezes, EmergencyService emergencies) {
        this.freezes = freezes;
        this.emergencies = emergencies;
    }

    /** {@code held} and {@code passing} complete "may not be ..." and "may be ... now": "published", "deployed". */
    void passOrRefuse(Actor actor, long releaseId, List<FreezeService.Frozen> frozen, String held, String passing) {
        if (frozen.isEmpty()) {
            return;
        }
        Optional<Long> emergency = emergencies.approvedFor(releaseId);
        if (emergency.isPresent()) {
            freezes.recordBypass(actor, releaseId, emergency.get(), frozen);
            return;
        }
        throw new ConflictException("Release " + releaseId + " may not be " + held + " during a change freeze: "
                + frozen.stream().map(FreezeService.Frozen::description).collect(Collectors.joining("; "))
                + ". Only an emergency approved by engineering leadership may be " + passing + " now.");
    }
}
