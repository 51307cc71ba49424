package dev.greenlight.environment;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleaseSection;
import dev.greenlight.security.Actor;

/**
 * The release page's "Environments": where a published release is in each environment, what its next promotion
 * waits for, the approve button for those who may, and the rollback when a step failed. Two queries.
 */
@ApplicationScoped
class EnvironmentsSection implements ReleaseSection {
    private final DeploymentService deployments;

    @Inject
    EnvironmentsSection(DeploymentService deployments) {
        this.deployments = deployments;
    }

    /** One environment with what the viewer may do there. */
    record Row(Rollout.EnvironmentState state, Decision approve, boolean offerRollback) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(long releaseId, List<Row> rows, Decision rollBack);
    }

    @Override
    public Placement placement() {
        return Placement.RECORDS;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        if (page.release().publication() == null) {
            return Optional.empty();
        }
        Actor viewer = page.viewer();
        Decision rollBack = EnvironmentPermissions.rollBack(viewer, page.release().state());
        List<Row> rows = deployments.status(page.release())
                .stream()
                .map(state -> new Row(state,
                        state.needsApprovals()
                                ? EnvironmentPermissions.approvePromotion(viewer, state.rule(), page.facts(),
                                        state.approvers())
                                : Decision.deny("No approval is wanted."),
                        state.isFailed() && rollBack.allowed()))
                .toList();
        return Optional.of(new RawString(Templates.section(page.releaseId(), rows, rollBack).render()));
    }
}
