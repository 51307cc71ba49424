package dev.greenlight.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may start, write, review and publish a post-mortem, without Quarkus. */
class PostmortemPermissionsTest {
    private static final Actor ALICE = Actor.of("alice", Role.AUTHOR);
    private static final Actor BOB = Actor.of("bob", Role.AUTHOR);
    private static final Actor SEAN = Actor.of("sean", Role.SECURITY_TEAM);
    private static final Actor PRIYA = Actor.of("priya", Role.PRODUCT_TEAM);
    private static final Actor LEAH = Actor.of("leah", Role.ENGINEERING_LEADER);
    private static final Actor ADA = Actor.of("ada", Role.ADMIN);

    @Test
    void theIncidentsEditorsStartItsPostmortem() {
        assertThat(PostmortemPermissions.start(ALICE, "alice").allowed()).isTrue();
        assertThat(PostmortemPermissions.start(SEAN, "alice").allowed()).isTrue();
        assertThat(PostmortemPermissions.start(BOB, "alice").reason()).isEqualTo("Only the incident's reporter"
                + " (alice), the security or product team, engineering leaders, maintainers and admins may start its"
                + " post-mortem.");
    }

    @Test
    void itsOwnerAndTheTeamsWriteIt() {
        assertThat(PostmortemPermissions.write(ALICE, "alice").allowed()).isTrue();
        assertThat(PostmortemPermissions.write(ADA, "alice").allowed()).isTrue();
        assertThat(PostmortemPermissions.write(BOB, "alice").reason()).isEqualTo("Only its owner (alice), the"
                + " security or product team, engineering leaders, maintainers and admins may write it.");
        assertThat(PostmortemPermissions.write(BOB, 4, "alice").reason()).endsWith("may write post-mortem 4.");
    }

    @Test
    void anActionItemsOwnerUpdatesIt() {
        assertThat(PostmortemPermissions.updateActionItem(BOB, "bob", "alice").allowed()).isTrue();
        assertThat(PostmortemPermissions.updateActionItem(ALICE, "bob", "alice").allowed()).isTrue();
        assertThat(PostmortemPermissions.updateActionItem(Actor.of("cleo", Role.AUTHOR), "bob", "alice").reason())
                .startsWith("Only the action item's owner (bob), the post-mortem's owner (alice)");
    }

    @Test
    void someoneElseFromTheTeamsReviewsIt() {
        assertThat(PostmortemPermissions.review(PRIYA, "sean", "sean").allowed()).isTrue();
        assertThat(PostmortemPermissions.review(ADA, "sean", "sean").reason()).isEqualTo("Only the security or"
                + " product team, engineering leaders and maintainers may review post-mortems.");
        assertThat(PostmortemPermissions.review(SEAN, "sean", "priya").reason())
                .isEqualTo("You own this post-mortem: someone else must review it.");
        assertThat(PostmortemPermissions.review(SEAN, "alice", "sean").reason())
                .isEqualTo("You sent this post-mortem for review: someone else must review it.");
    }

    @Test
    void itsOwnerItsReviewerOrALeaderPublishes() {
        assertThat(PostmortemPermissions.publish(ALICE, "alice", "sean").allowed()).isTrue();
        assertThat(PostmortemPermissions.publish(SEAN, "alice", "sean").allowed()).isTrue();
        assertThat(PostmortemPermissions.publish(LEAH, "alice", "sean").allowed()).isTrue();
        assertThat(PostmortemPermissions.publish(PRIYA, "alice", "sean").reason()).isEqualTo("Only its owner (alice),"
                + " the reviewer who signed it off, or an engineering leader may publish this post-mortem.");
    }
}
