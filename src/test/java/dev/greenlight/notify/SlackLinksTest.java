package dev.greenlight.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.SlackTestProfile;
import dev.greenlight.testsupport.Users;

/** Admins link Slack users to people the identity provider knows; a link never grants roles. */
@QuarkusTest
@TestProfile(SlackTestProfile.class)
class SlackLinksTest {

    private static long links() {
        return QuarkusTransaction.requiringNew().call(() -> SlackUserLink.count());
    }

    @Test
    void aLinkToSomeoneTheIdentityProviderNeverVouchedForIsRefused() {
        PageSession ada = PageSession.signIn(Users.ADA);
        long before = links();
        ada.submit("/admin/slack", "/admin/slack/links",
                Map.of("slackUserId", "U0MALLORY", "username", "mallory"))
                .then()
                .statusCode(400)
                .body(containsString("mallory has never signed in to Greenlight"));
        assertThat(links()).isEqualTo(before);
    }

    @Test
    void aLinkCannotGrantRoles() {
        PageSession.signIn(Users.ALICE);
        PageSession ada = PageSession.signIn(Users.ADA);
        long before = links();
        ada.submit("/admin/slack", "/admin/slack/links",
                Map.of("slackUserId", "U0ALICE", "username", "alice", "role", List.of("admin", "code-reviewer")))
                .then()
                .statusCode(400)
                .body(containsString("a link carries no roles"));
        assertThat(links()).isEqualTo(before);
    }
}
