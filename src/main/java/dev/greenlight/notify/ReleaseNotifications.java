package dev.greenlight.notify;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.greenlight.gate.GateRecorded;
import dev.greenlight.release.ReleaseAction;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseStateChanged;
import dev.greenlight.release.ReleaseView;

/**
 * Turns release state changes into Slack messages, synchronously inside the transaction that changed the release: the
 * outbox rows commit or roll back with it.
 */
@ApplicationScoped
class ReleaseNotifications {
    private final Outbox outbox;
    private final ReleaseService releases;
    private final ReviewerDirectory reviewers;

    @Inject
    ReleaseNotifications(Outbox outbox, ReleaseService releases, ReviewerDirectory reviewers) {
        this.outbox = outbox;
        this.releases = releases;
        this.reviewers = reviewers;
    }

    void onStateChanged(@Observes ReleaseStateChanged event) {
        if (event.from() == null || event.action() == null) {
            return; // a new draft concerns only its author
        }
        ReleaseView release = releases.get(event.releaseId());
        boolean inReview = event.to() == ReleaseState.IN_REVIEW;
        SlackMarkup mentions = inReview ? outbox.mention(reviewers.reviewersOf(release.id())) : null;
        String eventType = "release." + event.action().event();
        outbox.releaseEvent(eventType, release.id(), card(event, release, mentions),
                card(event, release, null));
    }

    /** A failed gate reaches the release's channel in the same transaction that recorded it. */
    void onGateRecorded(@Observes GateRecorded event) {
        if (!event.passed()) {
            outbox.enqueue(new Notice.GateFailed(event.releaseId(), event.releaseTitle(), event.gate().label(),
                    (event.measured() == null
                            ? ""
                            : event.measured().stripTrailingZeros().toPlainString() + " "
                                    + event.gate().unit() + "; ")
                            + "needs " + event.threshold(),
                    event.actor()));
        }
    }

    private ReleaseCard card(ReleaseStateChanged event, ReleaseView release, SlackMarkup mentions) {
        ReleaseAction action = event.action();
        String headline = "was " + action.pastTense() + " by " + event.actor() + ".";
        boolean published = event.to() == ReleaseState.PUBLISHED;
        String fallback = "Release #" + release.id() + " " + release.title() + " " + headline;
        return new ReleaseCard(release.id(), release.title(), SlackMarkup.of(outbox.link("/releases/" + release.id())),
                emoji(event.to(), action), headline, event.to().label(), release.versionsSummary(),
                event.reason(), mentions, event.to() == ReleaseState.IN_REVIEW,
                published ? release.packages() : List.of(), fallback);
    }

    static String emoji(ReleaseState state, ReleaseAction action) {
        if (action == ReleaseAction.REJECT) {
            return ":leftwards_arrow_with_hook:";
        }
        return switch (state) {
            case DRAFT -> ":pencil2:";
            case IN_REVIEW -> ":mag:";
            case APPROVED -> ":white_check_mark:";
            case PUBLISHED -> ":rocket:";
            case VALIDATED -> ":trophy:";
            case ROLLED_BACK -> ":rewind:";
            case REJECTED -> ":no_entry:";
            case CANCELLED -> ":x:";
        };
    }
}
