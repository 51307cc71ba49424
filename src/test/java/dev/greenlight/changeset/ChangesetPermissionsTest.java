package dev.greenlight.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may submit and remove changesets, without Quarkus. */
class ChangesetPermissionsTest {
    private static final Actor ALICE = Actor.of("alice", Role.AUTHOR);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    private static final Actor CI = Actor.of("ci", Role.CI);
    private static final Actor CAROL = Actor.of("carol", Role.CODE_REVIEWER);

    @Test
    void authorsMaintainersAndCiSubmitReviewersDoNot() {
        assertThat(ChangesetPermissions.submit(ALICE).allowed()).isTrue();
        assertThat(ChangesetPermissions.submit(MAX).allowed()).isTrue();
        assertThat(ChangesetPermissions.submit(CI).allowed()).isTrue();
        assertThat(ChangesetPermissions.submit(CAROL).reason())
                .isEqualTo("Only authors, maintainers and CI may submit changesets.");
    }

    @Test
    void onlyCiSubmitsOnSomeoneElsesBehalf() {
        assertThat(ChangesetPermissions.submitAs(ALICE, null).allowed()).isTrue();
        assertThat(ChangesetPermissions.submitAs(ALICE, "alice").allowed()).isTrue();
        assertThat(ChangesetPermissions.submitAs(CI, "alice").allowed()).isTrue();
        assertThat(ChangesetPermissions.submitAs(ALICE, "bob").reason())
                .isEqualTo("Only CI submits changesets on someone else's behalf; yours are authored by alice.");
    }

    @Test
    void theAuthorOrAMaintainerRemovesAPendingChangeset() {
        assertThat(ChangesetPermissions.remove(ALICE, "alice").allowed()).isTrue();
        assertThat(ChangesetPermissions.remove(MAX, "alice").allowed()).isTrue();
        assertThat(ChangesetPermissions.remove(Actor.of("bob", Role.AUTHOR), "alice").reason())
                .isEqualTo("Only the changeset's author (alice) or a maintainer may remove it.");
    }
}
