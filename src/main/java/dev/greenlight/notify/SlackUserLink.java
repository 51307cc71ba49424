package dev.greenlight.notify;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** A Slack user (by id, or by the e-mail Slack knows) who is this Greenlight user, with these roles. */
@Entity
@Table(name = "slack_user_link")
class SlackUserLink extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "slack_user_id")
    public String slackUserId;

    public String email;

    @Column(nullable = false)
    public String username;

    /** Role claim values, comma-separated. */
    @Column(nullable = false)
    public String roles;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::strip).forEach(c -> Role.fromClaim(c).ifPresent(set::add));
        return set;
    }

    Actor actor() {
        return new Actor(username, username, email, roleSet());
    }

    static Optional<SlackUserLink> bySlackUserId(String slackUserId) {
        return find("slackUserId", slackUserId).firstResultOptional();
    }

    static Optional<SlackUserLink> byEmail(String email) {
        return find("lower(email) = ?1", email.toLowerCase()).firstResultOptional();
    }

    static List<SlackUserLink> all() {
        return list("order by username, id");
    }
}
