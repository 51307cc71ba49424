package dev.greenlight.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.security.Actor;
import dev.greenlight.security.People;

/**
 * Who a Slack user is in Greenlight: an explicit link by Slack user id, else a link by the e-mail users.info returns.
 * A link names a person the identity provider vouched for ({@link People}); Slack requests carry no token, so the
 * person acts with the roles of their latest verified token, and only while that token is recent enough.
 */
@ApplicationScoped
class SlackUsers {
    /** Whom a Slack user acts as, or why they may not act. */
    record Lookup(Optional<Actor> actor, String refusal) {
        static Lookup of(Actor actor) {
            return new Lookup(Optional.of(actor), null);
        }

        static Lookup refused(String why) {
            return new Lookup(Optional.empty(), why);
        }
    }

    /** A link as the admin page shows it, with the roles of the person it names. */
    record LinkView(long id, String slackUserId, String email, String username, Optional<People.Entry> person) {
    }

    private final SlackGateway slack;
    private final People people;
    private final SlackSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    SlackUsers(SlackGateway slack, People people, SlackSettings settings, AuditLog audit, Clock clock) {
        this.slack = slack;
        this.people = people;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Looks the user up; calls users.info (bounded by the lookup timeout) only when no link names the Slack id. */
    Lookup actorFor(String slackUserId) {
        Optional<String> username = byId(slackUserId);
        if (username.isEmpty()) {
            username = slack.emailOf(slackUserId).flatMap(this::byEmail);
        }
        if (username.isEmpty()) {
            return Lookup.refused("Your Slack account is not linked to a Greenlight user:"
                    + " ask an admin to link it (Slack > Links in Greenlight).");
        }
        Optional<People.Entry> person = people.find(username.get());
        if (person.isEmpty() || person.get()
                .verifiedAt()
                .isBefore(clock.instant()
                        .minus(settings.interactions().rolesMaxAge()))) {
            return Lookup.refused("Greenlight has not seen you signed in recently enough to know your roles:"
                    + " sign in to Greenlight, then press the button again.");
        }
        return Lookup.of(person.get().actor());
    }

    @Transactional
    Optional<String> byId(String slackUserId) {
        return SlackUserLink.bySlackUserId(slackUserId).map(link -> link.username);
    }

    @Transactional
    Optional<String> byEmail(String email) {
        return SlackUserLink.byEmail(email).map(link -> link.username);
    }

    @Transactional
    List<LinkView> links() {
        List<SlackUserLink> links = SlackUserLink.all();
        Map<String, People.Entry> known = people.find(links.stream().map(l -> l.username).toList());
        return links.stream()
                .map(l -> new LinkView(l.id, l.slackUserId, l.email, l.username,
                        Optional.ofNullable(known.get(l.username))))
                .toList();
    }

    @Transactional
    SlackUserLink link(Actor admin, String slackUserId, String email, String username) {
        SlackPermissions.link(admin).orThrow();
        String id = blankToNull(slackUserId);
        String mail = blankToNull(email);
        String name = blankToNull(username);
        if (id == null && mail == null) {
            throw new InvalidInputException("slackUserId", "give the Slack user id (U…) or the e-mail");
        }
        if (id != null && !id.matches("[UW][A-Z0-9]{2,20}")) {
            throw new InvalidInputException("slackUserId", "must look like U012ABCDEF");
        }
        if (mail != null && (mail.length() > 200 || !mail.matches("[^@\\s]+@[^@\\s]+"))) {
            throw new InvalidInputException("email", "must be an e-mail address");
        }
        if (name == null) {
            throw new InvalidInputException("username", "must not be blank");
        }
        if (name.length() > 200 || people.find(name).isEmpty()) {
            throw new InvalidInputException("username", shorten(name) + " has never signed in to Greenlight:"
                    + " only people the identity provider knows can be linked; ask them to sign in once");
        }
        if ((id != null && SlackUserLink.bySlackUserId(id).isPresent())
                || (mail != null && SlackUserLink.byEmail(mail).isPresent())) {
            throw new ConflictException("That Slack user is already linked; remove the link first.");
        }
        SlackUserLink link = new SlackUserLink();
        link.slackUserId = id;
        link.email = mail;
        link.username = name;
        link.createdBy = admin.username();
        link.createdAt = clock.instant();
        link.persist();
        audit.record(admin, new AuditLog.Change("slack.user.linked", "slack_user_link", link.id, null, null,
                snapshot(link)));
        return link;
    }

    @Transactional
    void unlink(Actor admin, long id) {
        SlackPermissions.link(admin).orThrow();
        SlackUserLink link = SlackUserLink.<SlackUserLink>findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Slack link", id));
        audit.record(admin, new AuditLog.Change("slack.user.unlinked", "slack_user_link", link.id, null,
                snapshot(link), null));
        link.delete();
    }

    private static Map<String, Object> snapshot(SlackUserLink link) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("slackUserId", link.slackUserId);
        state.put("email", link.email);
        state.put("username", link.username);
        return state;
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 59) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
