package dev.greenlight.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A Slack user (by id, or by the e-mail Slack knows) who is this Greenlight user. It names a person and nothing more:
 * their roles are those of their latest verified token ({@code security.People}).
 */
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

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

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
