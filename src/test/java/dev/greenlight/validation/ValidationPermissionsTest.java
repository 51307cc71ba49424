package dev.greenlight.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may report post-release checks of which release, without Quarkus. */
class ValidationPermissionsTest {
    private static final Actor CI = Actor.of("ci", Role.CI);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    private static final Actor LEA = Actor.of("lea", Role.ENGINEERING_LEADER);

    private static ReleaseFacts release(String createdBy, String... changesetAuthors) {
        return new ReleaseFacts(7, "Release", ReleaseState.PUBLISHED, createdBy, 1, Set.of(changesetAuthors),
                List.of(), false, List.of());
    }

    @Test
    void ciAndMaintainersReportChecks() {
        assertThat(ValidationPermissions.report(CI).allowed()).isTrue();
        assertThat(ValidationPermissions.report(MAX).allowed()).isTrue();
    }

    @Test
    void othersDoNotAndAreToldWhoMay() {
        assertThat(ValidationPermissions.report(LEA).reason())
                .isEqualTo("Only CI or a maintainer may report post-release checks.");
    }

    @Test
    void aMaintainerDoesNotReportOnAReleaseTheyCreatedOrWroteAChangesetFor() {
        assertThat(ValidationPermissions.reportOn(MAX, release("max")).reason())
                .isEqualTo("You created this release: CI or another maintainer must report its checks.");
        assertThat(ValidationPermissions.reportOn(MAX, release("alice", "max")).reason())
                .isEqualTo("You wrote a changeset in this release: CI or another maintainer must report its checks.");
        assertThat(ValidationPermissions.reportOn(MAX, release("alice", "tom")).allowed()).isTrue();
        assertThat(ValidationPermissions.reportOn(CI, release("ci")).allowed()).isTrue();
    }

    @Test
    void checksAreReportedOnPublishedOrValidatedReleasesOnly() {
        assertThat(ValidationPermissions.whileLive(ReleaseState.PUBLISHED).allowed()).isTrue();
        assertThat(ValidationPermissions.whileLive(ReleaseState.VALIDATED).allowed()).isTrue();
        assertThat(ValidationPermissions.whileLive(ReleaseState.ROLLED_BACK).reason())
                .isEqualTo("Post-release checks are reported on published releases; this one is rolled back.");
        assertThat(ValidationPermissions.whileLive(ReleaseState.APPROVED).denied()).isTrue();
    }
}
