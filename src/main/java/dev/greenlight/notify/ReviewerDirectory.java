package dev.greenlight.notify;

import java.util.List;

import dev.greenlight.security.Role;

/**
 * Who a review request for a release should mention: the roles or people of its open review slots.
 */
public interface ReviewerDirectory {

    /** Reviewers to mention, as roles (mentioned through {@code greenlight.slack.mentions}) or Greenlight usernames. */
    Reviewers reviewersOf(long releaseId);

    record Reviewers(List<Role> roles, List<String> usernames) {
        public Reviewers {
            roles = List.copyOf(roles);
            usernames = List.copyOf(usernames);
        }
    }
}
