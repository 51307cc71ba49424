package dev.greenlight.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.approval.ApprovalService;
import dev.greenlight.calendar.FreezeService;
import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.environment.DeploymentService;
import dev.greenlight.gate.GateService;
import dev.greenlight.incident.IncidentService;
import dev.greenlight.incident.IncidentView;
import dev.greenlight.incident.PostmortemService;
import dev.greenlight.incident.PostmortemSummary;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.rollback.RollbackService;
import dev.greenlight.rollback.RollbackState;
import dev.greenlight.testsupport.Users;
import dev.greenlight.validation.ValidationService;
import dev.greenlight.workspace.WorkspaceService;

/** The dev profile's demo data loads through the services into an empty database, with every state it promises. */
@QuarkusTest
class DemoDataTest {
    @Inject
    WorkspaceService workspace;
    @Inject
    ChangesetService changesets;
    @Inject
    ReleaseService releases;
    @Inject
    GateService gates;
    @Inject
    ApprovalService approvals;
    @Inject
    ValidationService validation;
    @Inject
    RollbackService rollbacks;
    @Inject
    EmergencyService emergencies;
    @Inject
    IncidentService incidents;
    @Inject
    PostmortemService postmortems;
    @Inject
    FreezeService freezes;
    @Inject
    DeploymentService deployments;

    @Test
    void loadsAValidatedAndARolledBackReleaseAnIncidentAnEmergencyFreezesAndACanary() {
        new DemoData(workspace, changesets, releases, gates, approvals, emergencies, incidents, postmortems,
                validation, rollbacks, freezes, deployments).load(null);

        assertThat(releases.countByState().get(ReleaseState.VALIDATED)).isEqualTo(1);
        assertThat(releases.countByState().get(ReleaseState.ROLLED_BACK)).isEqualTo(1);
        long rolledBack = releases.search(ReleaseState.ROLLED_BACK, null, 0, 1).items().get(0).id();
        assertThat(rollbacks.ofRelease(Users.LEAH.actor(), rolledBack)).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(RollbackState.COMPLETED))
                .satisfies(r -> assertThat(r.toTags()).containsExactly("@neuronx/cli@0.9.2"));
        assertThat(incidents.search(Users.LEAH.actor(), null, null, null, 0, 10).items())
                .extracting(IncidentView::title)
                .contains("SDK dropped release events", "Release tokens in error pages");
        assertThat(postmortems.recent(Users.LEAH.actor(), 0, 10)).extracting(PostmortemSummary::state)
                .contains("PUBLISHED", "DRAFT");
        assertThat(postmortems.overdue(Users.LEAH.actor(), 0, 50)).extracting(PostmortemSummary::incidentTitle)
                .as("the emergency's post-mortem, due a day ago")
                .contains("Release tokens in error pages");
        // a weekly weekend freeze and a one-off holiday freeze of the core packages
        assertThat(freezes.windows()).hasSize(2)
                .anySatisfy(w -> assertThat(w.recurrence()).isEqualTo("FREQ=WEEKLY;BYDAY=FR"))
                .anySatisfy(w -> assertThat(w.targets()).containsExactly("@neuronx/core", "@neuronx/api"));
        // one release fully in production, one mid-canary
        List<String> production = new ArrayList<>();
        for (var state : List.of(ReleaseState.PUBLISHED, ReleaseState.VALIDATED)) {
            for (var release : releases.search(state, null, 0, 20).items()) {
                production.add(release.title() + ": " + deployments.status(release).get(1).status());
            }
        }
        assertThat(production).contains("SDK event streaming: succeeded", "CLI proxy settings: step 25 % in progress");
    }
}
