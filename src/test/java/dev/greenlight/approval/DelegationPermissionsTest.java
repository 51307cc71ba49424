package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

class DelegationPermissionsTest {
    private static final Set<Role> REVIEWERS = Set.of(Role.CODE_REVIEWER, Role.SECURITY_REVIEWER,
            Role.PRODUCT_REVIEWER);
    private static final Actor CAROL = Actor.of("carol", Role.CODE_REVIEWER);

    @Test
    void aReviewerDelegatesTheirRoleToAKnownPersonOfThatRole() {
        assertThat(DelegationPermissions.delegate(CAROL, Role.CODE_REVIEWER, REVIEWERS, "carl",
                Optional.of(Set.of(Role.CODE_REVIEWER))).allowed()).isTrue();
    }

    @Test
    void eachRefusalSaysWhy() {
        assertThat(DelegationPermissions.delegate(CAROL, Role.MAINTAINER, REVIEWERS, "carl",
                Optional.of(Set.of(Role.MAINTAINER))).reason()).contains("fills no review slot");
        assertThat(DelegationPermissions.delegate(CAROL, Role.SECURITY_REVIEWER, REVIEWERS, "sam",
                Optional.of(Set.of(Role.SECURITY_REVIEWER))).reason())
                .isEqualTo("Only a security reviewer may delegate that role's reviews.");
        assertThat(DelegationPermissions.delegate(CAROL, Role.CODE_REVIEWER, REVIEWERS, "carol",
                Optional.of(Set.of(Role.CODE_REVIEWER))).reason()).contains("someone else");
        assertThat(DelegationPermissions.delegate(CAROL, Role.CODE_REVIEWER, REVIEWERS, "ghost", Optional.empty())
                .reason()).contains("Greenlight knows nobody called ghost");
        assertThat(DelegationPermissions.delegate(CAROL, Role.CODE_REVIEWER, REVIEWERS, "sam",
                Optional.of(Set.of(Role.SECURITY_REVIEWER))).reason())
                .isEqualTo("sam is not a code reviewer: reviews go only to someone of the same role.");
    }

    @Test
    void theDelegatorOrAnAdminRevokes() {
        assertThat(DelegationPermissions.revoke(CAROL, "carol").allowed()).isTrue();
        assertThat(DelegationPermissions.revoke(Actor.of("ada", Role.ADMIN), "carol").allowed()).isTrue();
        assertThat(DelegationPermissions.revoke(Actor.of("carl", Role.CODE_REVIEWER), "carol").reason())
                .isEqualTo("Only carol, who delegated, or an admin may revoke this delegation.");
    }
}
