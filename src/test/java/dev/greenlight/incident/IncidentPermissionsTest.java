package dev.greenlight.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may file, see and edit incidents, without Quarkus. */
class IncidentPermissionsTest {
    private static final Actor ALICE = Actor.of("alice", Role.AUTHOR);
    private static final Actor BOB = Actor.of("bob", Role.AUTHOR);
    private static final Actor CAROL = Actor.of("carol", Role.CODE_REVIEWER);
    private static final Actor SAM = Actor.of("sam", Role.SECURITY_REVIEWER);
    private static final Actor SEAN = Actor.of("sean", Role.SECURITY_TEAM);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);

    @Test
    void authorsTheTeamsMaintainersAndAdminsFile() {
        assertThat(IncidentPermissions.file(ALICE).allowed()).isTrue();
        assertThat(IncidentPermissions.file(SEAN).allowed()).isTrue();
        assertThat(IncidentPermissions.file(MAX).allowed()).isTrue();
        assertThat(IncidentPermissions.file(CAROL).reason()).isEqualTo("Only authors, the security or product team,"
                + " engineering leaders, maintainers and admins may file incidents.");
    }

    @Test
    void everyoneSeesAnIncidentThatIsNoSecurityOne() {
        assertThat(IncidentPermissions.see(CAROL, false, "alice", false).allowed()).isTrue();
    }

    @Test
    void aSecurityIncidentIsSeenByTheSecurityReadersItsReporterAndThePeopleNamedOnIt() {
        assertThat(IncidentPermissions.seesAll(SAM)).isTrue();
        assertThat(IncidentPermissions.seesAll(MAX)).isFalse();
        assertThat(IncidentPermissions.see(SAM, true, "alice", false).allowed()).isTrue();
        assertThat(IncidentPermissions.see(ALICE, true, "alice", false).allowed()).isTrue();
        assertThat(IncidentPermissions.see(BOB, true, "alice", true).allowed()).isTrue();
        assertThat(IncidentPermissions.see(MAX, true, "alice", false).reason())
                .startsWith("This is " + IncidentSummary.HIDDEN + ": only the security team and reviewers");
    }

    @Test
    void itsReporterAndTheEditorsEdit() {
        assertThat(IncidentPermissions.edit(ALICE, "alice").allowed()).isTrue();
        assertThat(IncidentPermissions.edit(MAX, "alice").allowed()).isTrue();
        assertThat(IncidentPermissions.edit(BOB, "alice").reason()).isEqualTo("Only its reporter (alice), the security"
                + " or product team, engineering leaders, maintainers and admins may edit this incident.");
    }

    @Test
    void nobodyEditsASecurityIncidentTheyDoNotSee() {
        Decision unseen = IncidentPermissions.see(MAX, true, "alice", false);
        assertThat(IncidentPermissions.edit(MAX, 12, "alice", unseen)).isEqualTo(unseen);
        Decision seen = IncidentPermissions.see(SEAN, true, "alice", false);
        assertThat(IncidentPermissions.edit(SEAN, 12, "alice", seen).allowed()).isTrue();
        assertThat(IncidentPermissions.edit(BOB, 12, "alice", Decision.allow()).reason()).isEqualTo("Only its"
                + " reporter (alice), the security or product team, engineering leaders, maintainers and admins may"
                + " edit incident 12.");
    }
}
