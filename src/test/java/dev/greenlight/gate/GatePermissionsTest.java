package dev.greenlight.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may report which gate of which release, without Quarkus. */
class GatePermissionsTest {
    private static final Actor CI = Actor.of("ci", Role.CI);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    private static final Actor SEAN = Actor.of("sean", Role.SECURITY_TEAM);
    private static final Actor ALICE = Actor.of("alice", Role.AUTHOR);

    private static ReleaseFacts release(ReleaseState state, String createdBy, String... changesetAuthors) {
        return new ReleaseFacts(7, "Release", state, createdBy, 1, Set.of(changesetAuthors), List.of(), false,
                List.of());
    }

    @Test
    void ciAndMaintainersReportEveryGate() {
        for (Gate gate : Gate.values()) {
            assertThat(GatePermissions.report(CI, gate).allowed()).as(gate.id()).isTrue();
            assertThat(GatePermissions.report(MAX, gate).allowed()).as(gate.id()).isTrue();
        }
    }

    @Test
    void theSecurityTeamReportsCriticalVulnerabilitiesOnly() {
        assertThat(GatePermissions.report(SEAN, Gate.CRITICAL_VULNERABILITIES).allowed()).isTrue();
        assertThat(GatePermissions.report(SEAN, Gate.COVERAGE))
                .isEqualTo(Decision.deny("Only CI or a maintainer may report the coverage gate."));
    }

    @Test
    void anAuthorReportsNoGateAndIsToldWhoMay() {
        assertThat(GatePermissions.report(ALICE, Gate.CRITICAL_VULNERABILITIES)).isEqualTo(Decision.deny(
                "Only CI or a maintainer or the security team may report the critical-vulnerabilities gate."));
    }

    @Test
    void theReportableGatesAreTheRequiredOnesTheViewerMayReportExceptComputedOnes() {
        List<Gate> required = List.of(Gate.TESTS, Gate.CRITICAL_VULNERABILITIES, Gate.CHANGELOG);
        assertThat(GatePermissions.reportable(MAX, required)).containsExactly(Gate.TESTS,
                Gate.CRITICAL_VULNERABILITIES);
        assertThat(GatePermissions.reportable(SEAN, required)).containsExactly(Gate.CRITICAL_VULNERABILITIES);
        assertThat(GatePermissions.reportable(ALICE, required)).isEmpty();
    }

    @Test
    void aPersonDoesNotReportOnAReleaseTheyCreatedOrWroteAChangesetFor() {
        assertThat(GatePermissions.reportOn(MAX, release(ReleaseState.IN_REVIEW, "max")).reason())
                .startsWith("You created this release: CI or another reporter must report its gates");
        assertThat(GatePermissions.reportOn(SEAN, release(ReleaseState.IN_REVIEW, "alice", "sean")).reason())
                .startsWith("You wrote a changeset in this release");
        assertThat(GatePermissions.reportOn(MAX, release(ReleaseState.IN_REVIEW, "alice", "tom")).allowed())
                .isTrue();
    }

    @Test
    void ciReportsWhatThePipelineMeasuredWhoeverWroteTheRelease() {
        assertThat(GatePermissions.reportOn(CI, release(ReleaseState.IN_REVIEW, "ci", "ci")).allowed()).isTrue();
    }

    @Test
    void gatesAreReportedWhileTheReleaseIsOpen() {
        assertThat(GatePermissions.whileOpen(release(ReleaseState.DRAFT, "alice")).allowed()).isTrue();
        assertThat(GatePermissions.whileOpen(release(ReleaseState.IN_REVIEW, "alice")).allowed()).isTrue();
        assertThat(GatePermissions.whileOpen(release(ReleaseState.PUBLISHED, "alice")).reason())
                .isEqualTo("Gates are reported while a release is open; this one is published.");
    }
}
