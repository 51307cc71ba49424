package dev.greenlight.notify;

import java.util.List;

import dev.greenlight.security.Role;

/**
 * Who a review request for a release should mention. The default mentions every reviewer role; when review slots
 * exist, a bean implementing this (without {@code @DefaultBean}) replaces it and names the roles or people of the open
 * slots.
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
