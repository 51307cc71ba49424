package dev.greenlight.rollback;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.greenlight.common.FieldError;
import dev.greenlight.release.ReleaseAction;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.Actor;
import dev.greenlight.security.CurrentUser;

/** The "Rollback" section of the release page ({@code tags/rollbacks.html}). */
@ApplicationScoped
@Named("rollbackSection")
public class RollbackSection {

    /** What the start and tick forms held when they were refused. */
    public record Form(String reason, String incidentId, String step, String note) {
        static final Form EMPTY = new Form("", "", "", "");
    }

    /** The release's rollbacks, what a new one would go back to, and what the viewer may do. */
    public record Section(ReleaseView release, List<RollbackView> rollbacks, boolean mayStart, boolean mayTick,
            Map<String, String> targets, List<String> untagged, Form form, List<FieldError> errors) {
    }

    private final RollbackService rollbacks;
    private final ReleaseService releases;
    private final CurrentUser user;

    @Inject
    RollbackSection(RollbackService rollbacks, ReleaseService releases, CurrentUser user) {
        this.rollbacks = rollbacks;
        this.releases = releases;
        this.user = user;
    }

    public Section of(long releaseId) {
        return of(releaseId, Form.EMPTY, List.of());
    }

    Section of(long releaseId, Form form, List<FieldError> errors) {
        ReleaseView release = releases.get(releaseId);
        Actor actor = user.actor();
        boolean performer = rollbacks.mayRollBack(actor);
        boolean mayStart = performer && release.state().allows(ReleaseAction.ROLL_BACK);
        Map<String, String> targets = mayStart ? rollbacks.targets(releaseId) : Map.of();
        List<String> untagged = mayStart
                ? release.packages()
                        .stream()
                        .map(ReleaseView.PackageChange::name)
                        .filter(p -> !targets.containsKey(p))
                        .toList()
                : List.of();
        return new Section(release, release.publication() == null ? List.of() : rollbacks.ofRelease(actor, releaseId),
                mayStart, performer, targets, untagged, form, errors);
    }
}
