package dev.greenlight.gate;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.Decision;
import dev.greenlight.common.FieldError;
import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleasePageContext.RefusedForm;
import dev.greenlight.release.ReleaseSection;
import dev.greenlight.security.Actor;

/** The release page's "Quality gates": where each gate stands, and the form to record a result by hand. */
@ApplicationScoped
class GatesSection implements ReleaseSection {
    /** The name of the section's form in a {@link RefusedForm}. */
    static final String FORM = "gates";

    private final GateService gates;

    @Inject
    GatesSection(GateService gates) {
        this.gates = gates;
    }

    /**
     * What the viewer may do here: {@code reporter} when their roles let them report some gate of the open release,
     * then {@code report} says whether they may report on this release, or why not.
     */
    record Section(long releaseId, List<GateStatus> gates, boolean reporter, Decision report, List<Gate> reportable,
            GateInput form, boolean refused, List<FieldError> errors) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(Section s);
    }

    @Override
    public Placement placement() {
        return Placement.RECORDS;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        Actor viewer = page.viewer();
        List<Gate> reportable = page.release().state().isOpen()
                ? GatePermissions.reportable(viewer, gates.required())
                : List.of();
        boolean reporter = !reportable.isEmpty();
        Decision report = reporter ? GatePermissions.reportOn(viewer, page.facts()) : Decision.allow();
        RefusedForm refused = page.refused();
        GateInput form = new GateInput(refused.value(FORM, "gate"), refused.value(FORM, "value"),
                refused.value(FORM, "note"), refused.value(FORM, "url"));
        List<FieldError> errors = refused.errorsOf(FORM)
                .stream()
                .map(e -> new FieldError(EvidenceInput.formField(e.field()), e.message()))
                .toList();
        Section section = new Section(page.releaseId(), gates.status(page.facts(), page.waived()), reporter, report,
                reportable, form, refused.isFor(FORM), errors);
        return Optional.of(new RawString(Templates.section(section).render()));
    }
}
