package dev.greenlight.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.greenlight.approval.ApprovalService;
import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.ChangesetService.ChangesetFile;
import dev.greenlight.changeset.PreReleaseTag;
import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.emergency.EmergencyView;
import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.gate.GateService;
import dev.greenlight.incident.IncidentService;
import dev.greenlight.incident.IncidentView;
import dev.greenlight.incident.PostmortemService;
import dev.greenlight.incident.PostmortemView;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.rollback.RollbackService;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;
import dev.greenlight.validation.ValidationService;
import dev.greenlight.workspace.WorkspaceService;

/** NeuronX's workspace with changesets and releases in several states, loaded once into an empty dev database. */
@IfBuildProfile("dev")
class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    private static final Actor ALICE = Actor.of("alice", Role.AUTHOR);
    private static final Actor BOB = Actor.of("bob", Role.AUTHOR);

    private static final Actor CI = Actor.of("ci", Role.CI);
    private static final Actor CAROL = Actor.of("carol", Role.CODE_REVIEWER);
    private static final Actor SAM = Actor.of("sam", Role.SECURITY_REVIEWER);
    private static final Actor PAULA = Actor.of("paula", Role.PRODUCT_REVIEWER);
    private static final Actor SEAN = Actor.of("sean", Role.SECURITY_TEAM);
    private static final Actor LEAH = Actor.of("leah", Role.ENGINEERING_LEADER);

    private final WorkspaceService workspace;
    private final ChangesetService changesets;
    private final ReleaseService releases;
    private final GateService gates;
    private final ApprovalService approvals;
    private final ValidationService validation;
    private final RollbackService rollbacks;

    private final EmergencyService emergencies;
    private final IncidentService incidents;
    private final PostmortemService postmortems;
    private final EntityManager em;

    @Inject
    DemoData(WorkspaceService workspace, ChangesetService changesets, ReleaseService releases, GateService gates,
            ApprovalService approvals, EmergencyService emergencies, IncidentService incidents,
            PostmortemService postmortems, EntityManager em, ValidationService validation,
            RollbackService rollbacks) {
        this.emergencies = emergencies;
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.em = em;
        this.workspace = workspace;
        this.changesets = changesets;
        this.releases = releases;
        this.gates = gates;
        this.approvals = approvals;
        this.validation = validation;
        this.rollbacks = rollbacks;
    }

    void load(@Observes StartupEvent event) {
        if (!workspace.manifests().isEmpty()) {
            return;
        }
        LOG.info("Loading NeuronX demo data");
        workspace.save(MAX, NeuronxWorkspace.packages());

        changesets.submitFiles(ALICE, List.of(
                file("calm-seals-swim", "\"@neuronx/sdk\": minor", "Stream release events from the SDK")));
        ReleaseView published = releases.create(ALICE, "SDK event streaming", List.of("calm-seals-swim"), null);
        releases.submit(ALICE, published.id());
        passGates(published.id(), "91.2");
        approveAll(published.id());
        releases.publish(MAX, published.id());
        releases.recordDeployment(CI, published.id(), Instant.now().minus(Duration.ofMinutes(40)),
                Instant.now().minus(Duration.ofMinutes(29)));

        // validated: every post-release check passed
        changesets.submitFiles(BOB, List.of(
                file("swift-moles-dig", "\"@neuronx/cli\": patch", "Honour HTTPS_PROXY in `neuronx login`")));
        ReleaseView validated = published(BOB, "CLI proxy settings", "swift-moles-dig");
        passChecks(validated.id(), "0.2", "-1.5");

        // rolled back: its error rate failed, a leader rolled it back to the release before and ticked the checklist
        changesets.submitFiles(ALICE, List.of(
                file("loud-hens-sing", "\"@neuronx/cli\": patch", "Send anonymous usage telemetry from the CLI")));
        ReleaseView rolledBack = published(ALICE, "CLI telemetry", "loud-hens-sing");
        passChecks(rolledBack.id(), "6.8", "0.4");
        long rollback = rollbacks.start(LEAH, rolledBack.id(), "Telemetry calls time out behind proxies: 6.8 % errors",
                null).id();
        rollbacks.tick(LEAH, rolledBack.id(), rollback, "identify-issue", "done", "Telemetry endpoint timeouts");
        rollbacks.tick(LEAH, rolledBack.id(), rollback, "stop-deployment", "done", "Paused the npm dist-tag");
        rollbacks.tick(MAX, rolledBack.id(), rollback, "revert-code", "done", "Moved `latest` back");
        rollbacks.tick(MAX, rolledBack.id(), rollback, "database-rollback", "not-applicable",
                "The CLI has no database");
        rollbacks.tick(LEAH, rolledBack.id(), rollback, "monitor", "done", "Error rate back to 0.2 % after an hour");

        changesets.submitFiles(BOB, List.of(
                file("keen-ants-build", "\"@neuronx/core\": patch", "Fix rounding of coverage figures")));
        ReleaseView approved = releases.create(BOB, "Coverage rounding fix", List.of("keen-ants-build"), null);
        releases.submit(BOB, approved.id());
        passGates(approved.id(), "88.0");
        approveAll(approved.id());

        changesets.submitFiles(ALICE, List.of(
                file("brave-cats-dance", "\"@neuronx/core\": minor", "Add release evidence capture to the core API"),
                file("quiet-owls-sing", "\"@neuronx/cli\": patch", "Fix `neuronx login` hanging behind a proxy")));
        ReleaseView inReview = releases.create(ALICE, "Evidence capture and CLI proxy fix", List.of(), null);
        releases.submit(ALICE, inReview.id());
        // coverage below the policy's 85 %: the gate fails until CI reports again
        gates.record(CI, inReview.id(), "coverage", new BigDecimal("82.4"), null, "Evidence module lacks tests");
        approvals.approve(SAM, inReview.id(), "security", "No new attack surface");

        changesets.submitFiles(BOB, List.of(
                file("lazy-dogs-run", "\"@neuronx/ui\": minor", "Dark mode for the release dashboard"),
                file("tidy-foxes-jump", "\"@neuronx/sdk\": patch", "Retry idempotent requests on 503")));
        releases.create(BOB, "Dark mode", List.of("lazy-dogs-run"), PreReleaseTag.BETA);

        changesets.submitFiles(ALICE, List.of(
                file("bold-wolves-howl", "\"@neuronx/api\": major", "Remove the deprecated v1 release endpoints")));
        ReleaseView cancelled = releases.create(ALICE, "Drop v1 endpoints", List.of("bold-wolves-howl"), null);
        releases.cancel(ALICE, cancelled.id(), "Customers still call v1; wait for the deprecation window to end.");

        incidentWithPublishedPostmortem(published.id());
        emergencyWithOverduePostmortem();

        changesets.submitFiles(BOB, List.of(
                file("green-bees-hum", "\"@neuronx/core\": patch\n\"@neuronx/api\": patch",
                        "Tighten input validation on release plans")));
    }

    private ReleaseView published(Actor author, String title, String changeset) {
        ReleaseView release = releases.create(author, title, List.of(changeset), null);
        releases.submit(author, release.id());
        passGates(release.id(), "90.4");
        approveAll(release.id());
        return releases.publish(MAX, release.id());
    }

    /** CI's post-release checks: smoke tests pass, a rollback plan is linked; error rate and regression as given. */
    private void passChecks(long releaseId, String errorRate, String regression) {
        validation.record(CI, releaseId, "smoke-tests", BigDecimal.ZERO, null, "38 smoke tests");
        validation.record(CI, releaseId, "rollback-plan", null,
                EvidenceInput.link("https://wiki.neuronx.dev/rollback/cli"), null);
        validation.record(CI, releaseId, "performance-regression", new BigDecimal(regression), null, "p95 latency");
        validation.record(CI, releaseId, "error-rate", new BigDecimal(errorRate),
                EvidenceInput.link("https://grafana.neuronx.dev/d/cli/" + releaseId), null);
    }

    /** The SDK release dropped events for a while: its incident and a post-mortem written, signed off, published. */
    private void incidentWithPublishedPostmortem(long releaseId) {
        IncidentView incident = incidents.file(SEAN, new IncidentService.IncidentInput("SDK dropped release events",
                "SEV3", "RESOLVED", "Dashboards missed about 2 % of release events for 35 minutes.",
                Instant.now().minus(Duration.ofHours(3)).toString(),
                Instant.now().minus(Duration.ofHours(2)).toString(), false, List.of("sdk", "dashboard"),
                List.of(releaseId), "The stream reconnected without resuming from the last event id; fixed by"
                        + " sending `Last-Event-ID`.",
                null));
        PostmortemView p = postmortems.createFromIncident(SEAN, incident.id(), "alice");
        p = postmortems.edit(ALICE, p.id(), new PostmortemService.SectionsInput(
                "Release events were lost while the SDK reconnected.",
                "About 2 % of events for 35 minutes; no data lost at the source.",
                "The reconnect did not send `Last-Event-ID`, so the server started from *now*.",
                "- No test for reconnects\n- The staging stream never drops", "Alerting caught it within 5 minutes.",
                "Test reconnects against a flaky proxy.", p.version()));
        postmortems.addTimelineEntry(ALICE, p.id(), incident.startedAt().toString(), "Dashboard counts diverge");
        postmortems.addTimelineEntry(ALICE, p.id(), incident.resolvedAt().toString(), "Fix deployed; counts match");
        postmortems.addActionItem(ALICE, p.id(), "Add a reconnect test through toxiproxy", "bob",
                LocalDate.now().plusDays(14).toString(), "OPEN");
        postmortems.submit(ALICE, p.id());
        postmortems.signOff(LEAH, p.id());
        postmortems.publish(ALICE, p.id());
    }

    /** An emergency release published two days ago whose post-mortem nobody wrote: it shows as overdue. */
    private void emergencyWithOverduePostmortem() {
        changesets.submitFiles(ALICE, List.of(
                file("swift-hawks-dive", "\"@neuronx/api\": patch", "Stop leaking release tokens in error pages")));
        EmergencyView emergency = emergencies.request(ALICE, new EmergencyService.RequestInput(null,
                "Token leak hotfix", List.of("swift-hawks-dive"), "security-vulnerability",
                "Error pages echo the release token", "api", "Low: one template change", null,
                "Release tokens in error pages", "SEV1", "Error pages printed the request's token; the template now"
                        + " omits it."));
        emergencies.assess(SEAN, emergency.id(), "Confirmed: tokens are visible to anyone who triggers an error");
        passGates(emergency.releaseId(), "90.0");
        emergencies.approve(LEAH, emergency.id(), "Ship now", List.of(
                new EmergencyService.BypassInput("slot:code", "Pair-reviewed on the incident call"),
                new EmergencyService.BypassInput("slot:security", "Security team assessed it"),
                new EmergencyService.BypassInput("slot:product", "No product decision to take")));
        releases.publish(MAX, emergency.releaseId());
        // demo only: the publish happened two days ago, so its post-mortem (due 24 h after) is overdue
        QuarkusTransaction.requiringNew()
                .run(() -> em
                        .createNativeQuery("update postmortem set due_at = now() - interval '1 day', created_at = now()"
                                + " - interval '2 days' where release_id = :release")
                        .setParameter("release", emergency.releaseId())
                        .executeUpdate());
    }

    private void passGates(long releaseId, String coverage) {
        gates.record(CI, releaseId, "tests", BigDecimal.ZERO, null, "1,204 tests");
        gates.record(CI, releaseId, "coverage", new BigDecimal(coverage), null, null);
        gates.record(CI, releaseId, "critical-vulnerabilities", BigDecimal.ZERO, null, null);
        gates.record(CI, releaseId, "evidence", null,
                EvidenceInput.link("https://ci.neuronx.dev/releases/" + releaseId), null);
    }

    private void approveAll(long releaseId) {
        approvals.approve(CAROL, releaseId, "code", "Reviewed the diff and the migration");
        approvals.approve(SAM, releaseId, "security", "No new attack surface");
        approvals.approve(PAULA, releaseId, "product", "Matches the roadmap");
    }

    private static ChangesetFile file(String id, String frontMatter, String summary) {
        return new ChangesetFile(id + ".md", "---\n" + frontMatter + "\n---\n\n" + summary + "\n");
    }
}
