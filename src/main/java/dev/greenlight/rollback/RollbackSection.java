package dev.greenlight.rollback;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.FieldError;
import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleasePageContext.RefusedForm;
import dev.greenlight.release.ReleaseSection;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.Actor;

/** The release page's "Rollback", once the release is published: its rollbacks, and starting one. */
@ApplicationScoped
class RollbackSection implements ReleaseSection {
    /** The names of the section's forms in a {@link RefusedForm}. */
    static final String START = "rollback";
    static final String TICK = "rollback-step";

    /** What the start and tick forms held when they were refused. */
    record Form(String reason, String incidentId, String rollback, String step, String note) {
    }

    /** The release's rollbacks, what a new one would go back to, and what the viewer may do. */
    record Section(ReleaseView release, List<RollbackView> rollbacks, boolean mayStart, boolean mayTick,
            Map<String, String> targets, List<String> untagged, Form form, boolean startRefused,
            List<FieldError> errors) {

        /** Whether the refused tick was the one for this step of this rollback: its note comes back there. */
        public boolean refusedTick(long rollbackId, String step) {
            return String.valueOf(rollbackId).equals(form.rollback()) && step.equals(form.step());
        }

        /** The refused tick's first message, shown beside that step's note; null for every other step. */
        public FieldError tickError(long rollbackId, String step) {
            return !startRefused && refusedTick(rollbackId, step) && !errors.isEmpty() ? errors.get(0) : null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(Section s);
    }

    private final RollbackService rollbacks;

    @Inject
    RollbackSection(RollbackService rollbacks) {
        this.rollbacks = rollbacks;
    }

    @Override
    public Placement placement() {
        return Placement.RECORDS;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        ReleaseView release = page.release();
        if (release.publication() == null) {
            return Optional.empty();
        }
        Actor viewer = page.viewer();
        boolean mayTick = RollbackPermissions.tick(viewer).allowed();
        boolean mayStart = RollbackPermissions.startNow(viewer, release.id(), release.state()).allowed();
        Map<String, String> targets = mayStart ? rollbacks.targets(release.id()) : Map.of();
        List<String> untagged = mayStart
                ? release.packages()
                        .stream()
                        .map(ReleaseView.PackageChange::name)
                        .filter(p -> !targets.containsKey(p))
                        .toList()
                : List.of();
        RefusedForm refused = page.refused();
        Form form = new Form(refused.value(START, "reason"), refused.value(START, "incidentId"),
                refused.value(TICK, "rollback"), refused.value(TICK, "step"), refused.value(TICK, "note"));
        List<FieldError> errors = refused.isFor(START) ? refused.errors() : refused.errorsOf(TICK);
        Section section = new Section(release, rollbacks.ofRelease(viewer, release.id()), mayStart, mayTick,
                targets, untagged, form, refused.isFor(START), errors);
        return Optional.of(new RawString(Templates.section(section).render()));
    }
}
