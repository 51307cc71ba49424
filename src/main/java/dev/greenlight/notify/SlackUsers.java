package dev.greenlight.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;
import dev.greenlight.web.ConflictException;
import dev.greenlight.web.ForbiddenActionException;
import dev.greenlight.web.InvalidInputException;
import dev.greenlight.web.ResourceNotFoundException;

/**
 * Who a Slack user is in Greenlight: an explicit link by Slack user id, else a link by the e-mail users.info returns.
 * Slack requests carry no token, so the link holds the roles an admin granted.
 */
@ApplicationScoped
class SlackUsers {
    private final SlackGateway slack;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    SlackUsers(SlackGateway slack, AuditLog audit, Clock clock) {
        this.slack = slack;
        this.audit = audit;
        this.clock = clock;
    }

    /** Looks the user up; calls users.info (bounded by the lookup timeout) only when no link names the Slack id. */
    Optional<Actor> actorFor(String slackUserId) {
        Optional<Actor> linked = byId(slackUserId);
        if (linked.isPresent()) {
            return linked;
        }
        return slack.emailOf(slackUserId).flatMap(this::byEmail);
    }

    @Transactional
    Optional<Actor> byId(String slackUserId) {
        return SlackUserLink.bySlackUserId(slackUserId).map(SlackUserLink::actor);
    }

    @Transactional
    Optional<Actor> byEmail(String email) {
        return SlackUserLink.byEmail(email).map(SlackUserLink::actor);
    }

    List<SlackUserLink> links() {
        return SlackUserLink.all();
    }

    @Transactional
    SlackUserLink link(Actor admin, String slackUserId, String email, String username, Set<Role> roles) {
        requireAdmin(admin);
        String id = blankToNull(slackUserId);
        String mail = blankToNull(email);
        if (id == null && mail == null) {
            throw new InvalidInputException("slackUserId", "give the Slack user id (U…) or the e-mail");
        }
        if (id != null && !id.matches("[UW][A-Z0-9]{2,20}")) {
            throw new InvalidInputException("slackUserId", "must look like U012ABCDEF");
        }
        if (mail != null && !mail.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("email", "must be an e-mail address");
        }
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username", "must not be blank");
        }
        if ((id != null && SlackUserLink.bySlackUserId(id).isPresent())
                || (mail != null && SlackUserLink.byEmail(mail).isPresent())) {
            throw new ConflictException("That Slack user is already linked; remove the link first.");
        }
        SlackUserLink link = new SlackUserLink();
        link.slackUserId = id;
        link.email = mail;
        link.username = username.strip();
        link.roles = roles.stream().map(Role::claim).sorted().collect(Collectors.joining(","));
        link.createdBy = admin.username();
        link.createdAt = clock.instant();
        link.persist();
        audit.record(admin, new AuditLog.Change("slack.user.linked", "slack_user_link", link.id, null, null,
                snapshot(link)));
        return link;
    }

    @Transactional
    void unlink(Actor admin, long id) {
        requireAdmin(admin);
        SlackUserLink link = SlackUserLink.<SlackUserLink>findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Slack link", id));
        audit.record(admin, new AuditLog.Change("slack.user.unlinked", "slack_user_link", link.id, null,
                snapshot(link), null));
        link.delete();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new ForbiddenActionException("Only admins may link Slack users.");
        }
    }

    private static Map<String, Object> snapshot(SlackUserLink link) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("slackUserId", link.slackUserId);
        state.put("email", link.email);
        state.put("username", link.username);
        state.put("roles", link.roles);
        return state;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
