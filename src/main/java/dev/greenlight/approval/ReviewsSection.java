package dev.greenlight.approval;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.FieldError;
import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleaseSection;

/** The release page's "Reviews": each slot, who approved it, and the viewer's form or why they may not fill it. */
@ApplicationScoped
class ReviewsSection implements ReleaseSection {
    /** The name of the review form in a {@link ReleasePageContext.RefusedForm}. */
    static final String FORM = "reviews";

    private final ApprovalService approvals;

    @Inject
    ReviewsSection(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /** The refused review form, shown again on its slot's row with the message beside the comment. */
    record Refused(String slot, String comment, List<FieldError> errors) {
        /** What the user wrote in the comment of this slot's form, if it was the one refused. */
        public String commentFor(String candidate) {
            return slot.equals(candidate) ? comment : "";
        }

        /** The message to show beside the comment of this slot's form, or null. */
        public String commentErrorFor(String candidate) {
            return slot.equals(candidate)
                    ? errors.stream()
                            .filter(e -> "comment".equals(e.field()))
                            .map(FieldError::message)
                            .findFirst()
                            .orElse(null)
                    : null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(long releaseId, List<ApprovalService.SlotOffer> slots, Refused form);
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
        List<ApprovalService.SlotOffer> slots = approvals.offers(page.viewer(), page.facts(), page.waived());
        Refused form = new Refused(page.refused().value(FORM, "slot"), page.refused().value(FORM, "comment"),
                page.refused().errorsOf(FORM));
        return Optional.of(new RawString(Templates.section(page.releaseId(), slots, form).render()));
    }
}
