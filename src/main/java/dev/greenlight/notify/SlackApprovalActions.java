package dev.greenlight.notify;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.approval.ApprovalService;
import dev.greenlight.common.DomainException;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseService;

/**
 * Approve from Slack, under exactly the rules of the web: the mapped user fills the first open slot they may fill, or
 * hears why not. Rejecting needs a reason the author can read, so it happens on the release page.
 */
@ApplicationScoped
class SlackApprovalActions implements SlackActionHandler {
    static final String COMMENT = "Approved in Slack";

    private final ApprovalService approvals;
    private final ReleaseService releases;
    private final Outbox outbox;

    @Inject
    SlackApprovalActions(ApprovalService approvals, ReleaseService releases, Outbox outbox) {
        this.approvals = approvals;
        this.releases = releases;
        this.outbox = outbox;
    }

    @Override
    public SlackActionReply handle(SlackAction action) {
        return switch (action.actionId()) {
            case SlackAction.APPROVE_RELEASE -> approve(action);
            case SlackAction.REJECT_RELEASE ->
                SlackActionReply.refused("A rejection needs a reason the author can read, "
                        + action.actor().username() + ": reject on the release page, " + page(action) + ".");
            case SlackAction.OPEN_RELEASE -> SlackActionReply.done("");
            default -> SlackActionReply.refused("Greenlight does not know the action " + action.actionId() + ".");
        };
    }

    private SlackActionReply approve(SlackAction action) {
        long releaseId;
        try {
            releaseId = Long.parseLong(action.value());
        } catch (NumberFormatException e) {
            return SlackActionReply.refused("That button names no release.");
        }
        try {
            ReleaseFacts release = releases.facts(releaseId);
            List<ApprovalService.SlotOffer> open = approvals.offers(action.actor(), release)
                    .stream()
                    .filter(offer -> !offer.status().isFilled())
                    .toList();
            Optional<String> slot = open.stream()
                    .filter(ApprovalService.SlotOffer::isOpenToMe)
                    .map(offer -> offer.status().requirement().slot())
                    .findFirst();
            if (slot.isEmpty()) {
                String why = open.stream()
                        .filter(offer -> action.actor().has(offer.status().requirement().role()))
                        .map(offer -> offer.fill().reason())
                        .findFirst()
                        .orElse("No open review slot of release " + releaseId + " is yours to fill.");
                return SlackActionReply.refused(why + " " + page(action));
            }
            approvals.approve(action.actor(), releaseId, slot.get(), COMMENT);
            return SlackActionReply.done(action.actor().displayName() + " approved the " + slot.get()
                    + " review of release " + releaseId + ".");
        } catch (DomainException e) {
            return SlackActionReply.refused(e.getMessage() + " " + page(action));
        }
    }

    private String page(SlackAction action) {
        return outbox.link("/releases/" + action.value());
    }
}
