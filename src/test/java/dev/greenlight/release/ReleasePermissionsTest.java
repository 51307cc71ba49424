package dev.greenlight.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may take which release action by hand, without Quarkus. */
class ReleasePermissionsTest {
    private static final Actor ALICE = Actor.of("alice", Role.AUTHOR);
    private static final Actor BOB = Actor.of("bob", Role.AUTHOR);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    private static final Actor CAROL = Actor.of("carol", Role.CODE_REVIEWER);

    @Test
    void authorSubmitsOwnRelease() {
        assertThat(ReleaseService.whyNot(ALICE, "alice", ReleaseAction.SUBMIT)).isNull();
    }

    @Test
    void authorCannotSubmitAnotherAuthorsRelease() {
        assertThat(ReleaseService.whyNot(BOB, "alice", ReleaseAction.SUBMIT))
                .isEqualTo("Only the release's author (alice) or a maintainer may do this.");
    }

    @Test
    void maintainerSubmitsAndCancelsAnyRelease() {
        assertThat(ReleaseService.whyNot(MAX, "alice", ReleaseAction.SUBMIT)).isNull();
        assertThat(ReleaseService.whyNot(MAX, "alice", ReleaseAction.CANCEL)).isNull();
    }

    @Test
    void reviewerCannotSubmitOrCancel() {
        assertThat(ReleaseService.whyNot(CAROL, "alice", ReleaseAction.SUBMIT)).startsWith("Only ");
        assertThat(ReleaseService.whyNot(CAROL, "alice", ReleaseAction.CANCEL)).startsWith("Only ");
    }

    @Test
    void authorCannotPublish() {
        assertThat(ReleaseService.whyNot(ALICE, "alice", ReleaseAction.PUBLISH))
                .isEqualTo("Only maintainers may do this.");
    }

    @Test
    void nobodyTakesSystemActionsByHand() {
        // someone holding every role, on their own release: only the system-action rule can refuse them
        Actor everyRole = Actor.of("root", Role.values());
        assertThat(ReleaseAction.values()).filteredOn(ReleaseAction::isSystem)
                .containsExactlyInAnyOrder(ReleaseAction.APPROVE, ReleaseAction.INVALIDATE, ReleaseAction.VALIDATE)
                .allSatisfy(action -> assertThat(ReleaseService.whyNot(everyRole, "root", action)).as(action.name())
                        .isEqualTo("Greenlight takes this step itself when its conditions are met."));
    }
}
