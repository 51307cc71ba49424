package dev.greenlight.gate;

import java.util.List;
import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.SegregationOfDuties;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Who may report which gate of which release. The service enforces it, the release page shows the form or the reason,
 * and the API answers with the same reason.
 */
public final class GatePermissions {

    private GatePermissions() {
    }

    /** Who may report the gate: CI, maintainers, and the security team for critical vulnerabilities. */
    public static Set<Role> reporters(Gate gate) {
        return gate == Gate.CRITICAL_VULNERABILITIES
                ? Set.of(Role.CI, Role.MAINTAINER, Role.SECURITY_TEAM)
                : Set.of(Role.CI, Role.MAINTAINER);
    }

    /** Whether the actor's roles let them report {@code gate} at all. */
    public static Decision report(Actor actor, Gate gate) {
        if (actor.hasAny(reporters(gate))) {
            return Decision.allow();
        }
        return Decision.deny("Only CI or "
                + (gate == Gate.CRITICAL_VULNERABILITIES ? "a maintainer or the security team" : "a maintainer")
                + " may report the " + gate.id() + " gate.");
    }

    /**
     * Segregation of duties: a person who created the release or wrote one of its changesets does not attest to its
     * gates; CI reports what the pipeline measured.
     */
    public static Decision reportOn(Actor actor, ReleaseFacts release) {
        String refusal = SegregationOfDuties.reportRefusal(release, actor,
                "CI or another reporter must report its gates");
        return refusal == null ? Decision.allow() : Decision.deny(refusal);
    }

    /** Gates are reported while the release is open (draft or in review); a refusal here is a conflict. */
    public static Decision whileOpen(ReleaseFacts release) {
        return release.state().isOpen()
                ? Decision.allow()
                : Decision.deny("Gates are reported while a release is open; this one is "
                        + release.state().label().toLowerCase() + ".");
    }

    /** The gates among {@code required} the actor may report by hand: Greenlight computes the others. */
    public static List<Gate> reportable(Actor actor, List<Gate> required) {
        return required.stream().filter(g -> !g.isComputed() && report(actor, g).allowed()).toList();
    }
}
