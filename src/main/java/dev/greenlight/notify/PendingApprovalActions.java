package dev.greenlight.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.DefaultBean;

/**
 * Until the approval service exists: Approve and Reject are recognised and answered, but change nothing; the reply
 * points to the release page where the decision can be made.
 */
@ApplicationScoped
@DefaultBean
class PendingApprovalActions implements SlackActionHandler {
    private final Outbox outbox;

    @Inject
    PendingApprovalActions(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public SlackActionReply handle(SlackAction action) {
        return switch (action.actionId()) {
            case SlackAction.APPROVE_RELEASE, SlackAction.REJECT_RELEASE -> SlackActionReply
                    .refused("Deciding from Slack is not available yet, " + action.actor().username()
                            + ". Open the release to decide: " + outbox.link("/releases/" + action.value()));
            case SlackAction.OPEN_RELEASE -> SlackActionReply.done("");
            default -> SlackActionReply.refused("Greenlight does not know the action " + action.actionId() + ".");
        };
    }
}
