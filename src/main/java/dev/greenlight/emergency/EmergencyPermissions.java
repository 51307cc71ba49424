package dev.greenlight.emergency;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.SegregationOfDuties;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Who may take which step on the emergency path: an author requests for their own release, the security or product
 * team assesses, engineering leaders decide, and nobody takes two of these steps or decides about a release they
 * created or wrote a changeset of. The service enforces these, the pages and the release page show them.
 */
public final class EmergencyPermissions {
    private static final Set<Role> ASSESSORS = Set.of(Role.SECURITY_TEAM, Role.PRODUCT_TEAM);
    private static final String ANOTHER_ASSESSOR = "another member of the security or product team must assess it";
    private static final String ANOTHER_LEADER = "another engineering leader must decide";
    private static final Set<Role> REPORT_WRITERS = Set.of(Role.AUTHOR, Role.SECURITY_TEAM, Role.PRODUCT_TEAM,
            Role.ENGINEERING_LEADER, Role.MAINTAINER, Role.ADMIN);
    /** Everyone above but authors, who may write only the report of their own request. */
    private static final Set<Role> TEAM_REPORT_WRITERS = Set.of(Role.SECURITY_TEAM, Role.PRODUCT_TEAM,
            Role.ENGINEERING_LEADER, Role.MAINTAINER, Role.ADMIN);

    private EmergencyPermissions() {
    }

    /** Only authors request emergency releases. */
    public static Decision request(Actor actor) {
        return actor.has(Role.AUTHOR)
                ? Decision.allow()
                : Decision.deny("Only authors may request an emergency release.");
    }

    /** An author requests an emergency only for a release they created. */
    public static Decision requestFor(Actor actor, String releaseAuthor) {
        return request(actor).and(actor.username().equals(releaseAuthor)
                ? Decision.allow()
                : Decision.deny("Only the release's author (" + releaseAuthor + ") may request an emergency for it."));
    }

    /** The release page offers the emergency path to the author of a release in review. */
    public static Decision offer(Actor actor, String releaseAuthor, ReleaseState state) {
        return requestFor(actor, releaseAuthor).and(state == ReleaseState.IN_REVIEW
                ? Decision.allow()
                : Decision.deny("The release page offers the emergency path to a release in review."));
    }

    /** Only the security team or the product team assess. */
    public static Decision assessor(Actor actor) {
        return actor.hasAny(ASSESSORS)
                ? Decision.allow()
                : Decision.deny("Only the security team or the product team may assess emergencies.");
    }

    /** The assessor is not the requester and neither created the release nor wrote one of its changesets. */
    public static Decision assess(Actor actor, String requestedBy, ReleaseFacts release) {
        return assessor(actor).and(notRequester(actor, requestedBy, ANOTHER_ASSESSOR))
                .and(uninvolved(actor, release, ANOTHER_ASSESSOR));
    }

    /** {@link #assess}, and the request waits for its assessment: what the emergency page offers. */
    public static Decision assessNow(Actor actor, String requestedBy, EmergencyState state, ReleaseFacts release) {
        return assessor(actor).and(notRequester(actor, requestedBy, ANOTHER_ASSESSOR))
                .and(state == EmergencyState.REQUESTED ? Decision.allow() : stateRefusal(state))
                .and(uninvolved(actor, release, ANOTHER_ASSESSOR));
    }

    /** Only engineering leaders approve or deny. */
    public static Decision leader(Actor actor) {
        return actor.has(Role.ENGINEERING_LEADER)
                ? Decision.allow()
                : Decision.deny("Only engineering leaders may approve or deny emergencies.");
    }

    /** The leader neither requested nor assessed the emergency, nor created the release or wrote its changesets. */
    public static Decision decide(Actor actor, String requestedBy, String assessedBy, ReleaseFacts release) {
        return leader(actor).and(notRequester(actor, requestedBy, ANOTHER_LEADER))
                .and(notAssessor(actor, assessedBy))
                .and(uninvolved(actor, release, ANOTHER_LEADER));
    }

    /**
     * {@link #decide}, the request is assessed, and the leader has not approved the release's current content yet:
     * what the emergency page offers.
     */
    public static Decision decideNow(Actor actor, EmergencyView emergency, ReleaseFacts release) {
        Decision state = switch (emergency.state()) {
            case ASSESSED -> Decision.allow();
            case REQUESTED -> Decision.deny("It waits for the security or product team's assessment first.");
            default -> stateRefusal(emergency.state());
        };
        boolean approvedAlready = emergency.approvals()
                .stream()
                .anyMatch(a -> !a.stale() && a.approver().equals(actor.username()));
        return leader(actor).and(notRequester(actor, emergency.requestedBy(), ANOTHER_LEADER))
                .and(notAssessor(actor, emergency.assessedBy()))
                .and(state)
                .and(approvedAlready
                        ? Decision.deny("You approved it already; it needs another engineering leader.")
                        : Decision.allow())
                .and(uninvolved(actor, release, ANOTHER_LEADER));
    }

    /** The requester, the security or product team, leaders, maintainers and admins may write the incident report. */
    public static Decision reportWriter(Actor actor) {
        return actor.hasAny(REPORT_WRITERS)
                ? Decision.allow()
                : Decision.deny("Only the requester, the security or product team, engineering leaders, maintainers"
                        + " and admins may write the incident report.");
    }

    /** Among authors, only the requester writes the report of this request. */
    public static Decision writeReport(Actor actor, String requestedBy) {
        return reportWriter(actor).and(actor.hasAny(TEAM_REPORT_WRITERS) || actor.username().equals(requestedBy)
                ? Decision.allow()
                : Decision.deny("Only the requester (" + requestedBy + ") among authors may write this incident"
                        + " report."));
    }

    private static Decision notRequester(Actor actor, String requestedBy, String instead) {
        return actor.username().equals(requestedBy)
                ? Decision.deny("You requested this emergency: " + instead + ".")
                : Decision.allow();
    }

    private static Decision notAssessor(Actor actor, String assessedBy) {
        return actor.username().equals(assessedBy)
                ? Decision.deny("You assessed this emergency: " + ANOTHER_LEADER + ".")
                : Decision.allow();
    }

    private static Decision uninvolved(Actor actor, ReleaseFacts release, String instead) {
        String conflict = SegregationOfDuties.refusal(release, actor.username(), instead);
        return conflict == null ? Decision.allow() : Decision.deny(conflict);
    }

    private static Decision stateRefusal(EmergencyState state) {
        return Decision.deny("It is " + state.label().toLowerCase() + ".");
    }
}
