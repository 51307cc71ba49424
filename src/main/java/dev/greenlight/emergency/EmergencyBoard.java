package dev.greenlight.emergency;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.greenlight.incident.PostmortemSummary;
import dev.greenlight.security.CurrentUser;

/** What the dashboard shows of the emergency path: the leader's queue and overdue post-mortems. */
@RequestScoped
@Named("emergencyBoard")
public class EmergencyBoard {
    private final EmergencyService emergencies;
    private final OverrideService overrides;
    private final CurrentUser user;

    /** What waits: for a leader first, then for the assessors, then overdue post-mortems and overrides. */
    public record Queue(List<EmergencyView> awaitingLeader, List<EmergencyView> awaitingAssessment,
            List<PostmortemSummary> overdue, List<OverrideView> overrides) {
    }

    @Inject
    EmergencyBoard(EmergencyService emergencies, OverrideService overrides, CurrentUser user) {
        this.emergencies = emergencies;
        this.overrides = overrides;
        this.user = user;
    }

    public Queue queue() {
        return new Queue(awaitingLeader(), awaitingAssessment(), overduePostmortems(), overrides.open(user.actor()));
    }

    /** Assessed emergencies waiting for an engineering leader, oldest first. */
    public List<EmergencyView> awaitingLeader() {
        return emergencies.waiting(user.actor(), EmergencyState.ASSESSED);
    }

    /** Requested emergencies waiting for the security or product team. */
    public List<EmergencyView> awaitingAssessment() {
        return emergencies.waiting(user.actor(), EmergencyState.REQUESTED);
    }

    public List<PostmortemSummary> overduePostmortems() {
        return emergencies.overduePostmortems(user.actor());
    }
}
