package dev.greenlight.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class NavigationTest {

    private static Actor with(Role... roles) {
        EnumSet<Role> held = EnumSet.noneOf(Role.class);
        held.addAll(List.of(roles));
        return new Actor("someone", "Someone", null, held);
    }

    @Test
    void leadersFindEmergenciesFirstAndOnlyAdminsSeeSlackAdministration() {
        assertThat(Navigation.of(with(Role.ENGINEERING_LEADER))).isEqualTo(new Navigation(true, false));
        assertThat(Navigation.of(with(Role.ADMIN))).isEqualTo(new Navigation(false, true));
        assertThat(Navigation.of(with(Role.AUTHOR, Role.MAINTAINER))).isEqualTo(new Navigation(false, false));
        assertThat(Navigation.of(with(Role.ENGINEERING_LEADER, Role.ADMIN))).isEqualTo(new Navigation(true, true));
    }
}
