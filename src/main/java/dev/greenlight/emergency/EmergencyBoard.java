package dev.greenlight.emergency;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.incident.PostmortemSummary;
import dev.greenlight.security.Actor;

/** What the dashboard shows of the emergency path: the leader's queue and overdue post-mortems. */
@ApplicationScoped
public class EmergencyBoard {
    private final EmergencyService emergencies;
    private final OverrideService overrides;

    /** What waits: for a leader first, then for the assessors, then overdue post-mortems and overrides. */
    public record Queue(List<EmergencyView> awaitingLeader, List<EmergencyView> awaitingAssessment,
            List<PostmortemSummary> overdue, List<OverrideView> overrides) {
    }

    /**
     * The dashboard's part: an engineering leader's whole queue (null for others), and the overdue post-mortems the
     * viewer sees.
     */
    public record Dashboard(Queue queue, List<PostmortemSummary> overdue) {
    }

    @Inject
    EmergencyBoard(EmergencyService emergencies, OverrideService overrides) {
        this.emergencies = emergencies;
        this.overrides = overrides;
    }

    public Dashboard dashboard(Actor viewer) {
        if (EmergencyPermissions.leader(viewer).allowed()) {
            Queue queue = new Queue(emergencies.waiting(viewer, EmergencyState.ASSESSED),
                    emergencies.waiting(viewer, EmergencyState.REQUESTED), emergencies.overduePostmortems(viewer),
                    overrides.open(viewer));
            return new Dashboard(queue, queue.overdue());
        }
        return new Dashboard(null, emergencies.overduePostmortems(viewer));
    }
}
