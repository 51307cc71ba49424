package dev.greenlight.releasenotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

class ReleaseNotesPermissionsTest {

    @Test
    void onlyReleasesThatWerePublishedHaveNotes() {
        Set<ReleaseState> published = EnumSet.of(ReleaseState.PUBLISHED, ReleaseState.VALIDATED,
                ReleaseState.ROLLED_BACK);
        for (ReleaseState state : ReleaseState.values()) {
            Decision decision = ReleaseNotesPermissions.published(4, state);
            assertThat(decision.allowed()).as("%s", state).isEqualTo(published.contains(state));
            if (decision.denied()) {
                assertThat(decision.reason()).isEqualTo("Release 4 is " + state.label().toLowerCase()
                        + ": it has release notes once it is published.");
            }
        }
    }

    @Test
    void anyGreenlightRoleReadsTheNotesOfAPublishedRelease() {
        for (Role role : Role.values()) {
            assertThat(ReleaseNotesPermissions.read(Actor.of("someone", role), 4, ReleaseState.VALIDATED).allowed())
                    .as("%s", role)
                    .isTrue();
            assertThat(ReleaseNotesPermissions.read(Actor.of("someone", role), 4, ReleaseState.DRAFT).allowed())
                    .isFalse();
        }
        Decision noRole = ReleaseNotesPermissions.read(Actor.of("nora"), 4, ReleaseState.PUBLISHED);
        assertThat(noRole.denied()).isTrue();
        assertThat(noRole.reason()).contains("Greenlight role");
    }
}
