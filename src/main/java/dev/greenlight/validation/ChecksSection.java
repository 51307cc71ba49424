package dev.greenlight.validation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.greenlight.common.FieldError;
import dev.greenlight.release.ReleaseAction;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.Actor;
import dev.greenlight.security.CurrentUser;

/** The "Post-release validation" section of the release page ({@code tags/postReleaseChecks.html}). */
@ApplicationScoped
@Named("checksSection")
public class ChecksSection {

    /** What the record form held when it was refused. */
    public record Form(String check, String value, String note, String url) {
        static final Form EMPTY = new Form("", "", "", "");
    }

    /** Everything the section shows and what the viewer may do there. */
    public record Section(ReleaseView release, List<CheckStatus> checks, boolean mayRecord, String recordRefusal,
            List<Check> checkTypes, boolean mayRollBack, Form form, List<FieldError> errors) {

        /** After publish: the checks apply. */
        public boolean isApplicable() { return release.publication() != null; }

        /** A check failed while the release is still live: people should roll back or file an incident. */
        public boolean isFailing() {
            return isLive() && checks.stream().anyMatch(CheckStatus::isFailed);
        }

        public boolean isLive() {
            return release.state() == ReleaseState.PUBLISHED || release.state() == ReleaseState.VALIDATED;
        }
    }

    private final ValidationService validation;
    private final ReleaseService releases;
    private final CurrentUser user;

    @Inject
    ChecksSection(ValidationService validation, ReleaseService releases, CurrentUser user) {
        this.validation = validation;
        this.releases = releases;
        this.user = user;
    }

    public Section of(long releaseId) {
        return of(releaseId, Form.EMPTY, List.of());
    }

    Section of(long releaseId, Form form, List<FieldError> errors) {
        ReleaseView release = releases.get(releaseId);
        Actor actor = user.actor();
        boolean live = release.state() == ReleaseState.PUBLISHED || release.state() == ReleaseState.VALIDATED;
        boolean reporter = live && validation.mayReport(actor);
        String refusal = reporter ? validation.whyNotReport(actor, releases.facts(releaseId)) : null;
        return new Section(release, release.publication() == null ? List.of() : validation.status(releaseId),
                reporter && refusal == null, refusal, validation.required(),
                live && actor.hasAny(ReleaseAction.ROLL_BACK.performers()),
                form, errors);
    }
}
