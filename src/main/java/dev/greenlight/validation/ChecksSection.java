package dev.greenlight.validation;

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
import dev.greenlight.release.ReleaseView;
import dev.greenlight.rollback.RollbackPermissions;
import dev.greenlight.security.Actor;

/** The release page's "Post-release validation", once the release is published. */
@ApplicationScoped
class ChecksSection implements ReleaseSection {
    /** The name of the section's form in a {@link RefusedForm}. */
    static final String FORM = "checks";

    /**
     * Everything the section shows and what the viewer may do there: {@code reporter} when their roles let them
     * report checks of the live release, then {@code report} says whether they may on this one, or why not.
     */
    record Section(long releaseId, List<CheckStatus> checks, boolean live, boolean reporter, Decision report,
            List<Check> checkTypes, boolean mayRollBack, CheckInput form, boolean refused, List<FieldError> errors) {

        /** A check failed while the release is still live: people should roll back or file an incident. */
        public boolean isFailing() {
            return live && checks.stream().anyMatch(CheckStatus::isFailed);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(Section s);
    }

    private final ValidationService validation;

    @Inject
    ChecksSection(ValidationService validation) {
        this.validation = validation;
    }

    @Override
    public Placement placement() {
        return Placement.RECORDS;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        ReleaseView release = page.release();
        if (release.publication() == null) {
            return Optional.empty();
        }
        Actor viewer = page.viewer();
        boolean live = ValidationPermissions.isLive(release.state());
        boolean reporter = live && ValidationPermissions.report(viewer).allowed();
        Decision report = reporter ? ValidationPermissions.reportOn(viewer, page.facts()) : Decision.allow();
        RefusedForm refused = page.refused();
        CheckInput form = new CheckInput(refused.value(FORM, "check"), refused.value(FORM, "value"),
                refused.value(FORM, "note"), refused.value(FORM, "url"));
        List<FieldError> errors = refused.errorsOf(FORM)
                .stream()
                .map(e -> new FieldError(EvidenceInput.formField(e.field()), e.message()))
                .toList();
        Section section = new Section(page.releaseId(), validation.status(page.releaseId()), live, reporter, report,
                validation.required(), live && RollbackPermissions.start(viewer).allowed(), form,
                refused.isFor(FORM), errors);
        return Optional.of(new RawString(Templates.section(section).render()));
    }
}
