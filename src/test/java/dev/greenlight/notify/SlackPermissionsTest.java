package dev.greenlight.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may administer Slack, without Quarkus. */
class SlackPermissionsTest {
    private static final Actor ADA = Actor.of("ada", Role.ADMIN);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);

    @Test
    void onlyAdminsLinkSlackUsers() {
        assertThat(SlackPermissions.link(ADA).allowed()).isTrue();
        assertThat(SlackPermissions.link(MAX).reason()).isEqualTo("Only admins may link Slack users.");
    }

    @Test
    void onlyAdminsRetryMessages() {
        assertThat(SlackPermissions.retry(ADA).allowed()).isTrue();
        assertThat(SlackPermissions.retry(MAX).reason()).isEqualTo("Only admins may retry Slack messages.");
    }
}
