package dev.greenlight.testsupport;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.approval.ApprovalService;
import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.ChangesetService.ChangesetFile;
import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.changeset.PreReleaseTag;
import dev.greenlight.demo.NeuronxWorkspace;
import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.gate.GateService;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.workspace.WorkspaceService;

/** Named starting points for tests, built through the services as users would build them. */
@ApplicationScoped
public class Fixtures {
    @Inject
    ChangesetService changesets;
    @Inject
    ReleaseService releases;
    @Inject
    WorkspaceService workspace;
    @Inject
    ApprovalService approvals;
    @Inject
    GateService gates;

    /** The five NeuronX packages. */
    public void neuronxWorkspace() {
        workspace.save(Users.MAX.actor(), NeuronxWorkspace.packages());
    }

    /** A pending changeset; {@code frontMatter} is the YAML between the dashes, e.g. "\"@neuronx/core\": minor". */
    public ChangesetView changeset(Users author, String id, String frontMatter, String summary) {
        return changesets
                .submitFiles(author.actor(),
                        List.of(new ChangesetFile(id + ".md", "---\n" + frontMatter + "\n---\n\n" + summary + "\n")))
                .get(0);
    }

    /** A draft release of the named pending changesets. */
    public ReleaseView draftRelease(Users author, String title, String... changesetIds) {
        return releases.create(author.actor(), title, List.of(changesetIds), null);
    }

    public ReleaseView draftRelease(Users author, String title, PreReleaseTag preRelease, String... changesetIds) {
        return releases.create(author.actor(), title, List.of(changesetIds), preRelease);
    }

    public ReleaseView submittedRelease(Users author, String title, String... changesetIds) {
        ReleaseView draft = draftRelease(author, title, changesetIds);
        return releases.submit(author.actor(), draft.id());
    }

    /** CI reports every measured gate passing, with a link as release evidence. */
    public void passAllGates(long releaseId) {
        gates.record(Users.CI.actor(), releaseId, "tests", BigDecimal.ZERO, null, null);
        gates.record(Users.CI.actor(), releaseId, "coverage", new BigDecimal("91.5"), null, null);
        gates.record(Users.CI.actor(), releaseId, "critical-vulnerabilities", BigDecimal.ZERO, null, null);
        gates.record(Users.CI.actor(), releaseId, "evidence", null,
                EvidenceInput.link("https://ci.neuronx.dev/runs/" + releaseId), null);
    }

    /** Carol, Sam and Paula fill the code, security and product slots. */
    public void approveAllSlots(long releaseId) {
        approvals.approve(Users.CAROL.actor(), releaseId, "code", "Looks right");
        approvals.approve(Users.SAM.actor(), releaseId, "security", "No new attack surface");
        approvals.approve(Users.PAULA.actor(), releaseId, "product", "Matches the roadmap");
    }

    /** Submitted, gates passed, every slot approved. */
    public ReleaseView approvedRelease(Users author, String title, String... changesetIds) {
        ReleaseView release = submittedRelease(author, title, changesetIds);
        passAllGates(release.id());
        approveAllSlots(release.id());
        return releases.get(release.id());
    }

    /** Approved, then published by Max. */
    public ReleaseView publishedRelease(Users author, String title, String... changesetIds) {
        ReleaseView approved = approvedRelease(author, title, changesetIds);
        return releases.publish(Users.MAX.actor(), approved.id());
    }
}
