package dev.greenlight.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.approval.ApprovalService;
import dev.greenlight.audit.AuditLog;
import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.common.FieldError;
import dev.greenlight.release.ReleasePageContext.RefusedForm;
import dev.greenlight.release.ReleaseSection.Placement;
import dev.greenlight.security.Actor;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Role;

/**
 * Assembles the release page: the release's own parts, then every feature's {@link ReleaseSection} in its placement
 * and order. Pages of other features render it again, with their refused form, when a post from it is refused.
 */
@ApplicationScoped
public class ReleasePage {
    private final ReleaseService releases;
    private final ChangesetService changesets;
    private final ApprovalService approvals;
    private final AuditLog audit;
    private final Waivers waivers;
    private final CurrentUser user;
    private final List<ReleaseSection> sections;

    @Inject
    ReleasePage(ReleaseService releases, ChangesetService changesets, ApprovalService approvals, AuditLog audit,
            Waivers waivers, CurrentUser user, Instance<ReleaseSection> sections) {
        this.releases = releases;
        this.changesets = changesets;
        this.approvals = approvals;
        this.audit = audit;
        this.waivers = waivers;
        this.user = user;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ReleaseSection::order)).toList();
    }

    /** What the forms on the release page held when they were refused. */
    record DetailForm(String slot, String comment) {
        static DetailForm of(RefusedForm refused) {
            return new DetailForm(refused.value("reviews", "slot"), refused.value("reviews", "comment"));
        }
    }

    /** Everything the release page shows: the release's whole story and what the viewer may do next. */
    record Detail(ReleaseView release, List<ChangesetView> changesets, List<ChangesetView> pending,
            List<ApprovalService.SlotOffer> slots, List<String> unmet, List<String> notices,
            List<AuditLog.TimelineEntry> history, Set<ReleaseAction> actions, boolean mayEditContent, DetailForm form,
            List<FieldError> errors, List<RawString> actionSections,
            List<RawString> requirementSections, List<RawString> recordSections) {
    }

    @CheckedTemplate(basePath = "ReleasesPages")
    static class Templates {
        static native TemplateInstance detail(Detail d, String nav);
    }

    /** The page as the viewer sees it, with {@code refused} shown again in its section. */
    public TemplateInstance render(long id, RefusedForm refused) {
        ReleaseService.Story story = releases.story(id);
        ReleaseView release = story.release();
        ReleaseFacts facts = story.facts();
        Actor actor = user.actor();
        RequirementWaivers.Account account = waivers.account(facts);
        Map<String, RequirementWaivers.Waiver> waived = account.waivers();
        ReleasePageContext context = new ReleasePageContext(release, facts, story.changesets(), actor, waived,
                account.notices(), refused);
        List<ApprovalService.SlotOffer> slots = approvals.offers(actor, facts, waived);
        boolean mayEdit = release.state().isOpen()
                && (actor.has(Role.MAINTAINER) || actor.username().equals(release.createdBy()));
        Map<Placement, List<RawString>> rendered = renderSections(context);
        Detail detail = new Detail(release, story.changesets(), mayEdit ? changesets.pending() : List.of(),
                slots, stillNeeded(facts, waived), account.notices(), audit.releaseTimeline(id),
                releases.actionsFor(actor, release), mayEdit, DetailForm.of(refused), refused.errors(),
                rendered.get(Placement.ACTIONS),
                rendered.get(Placement.REQUIREMENTS), rendered.get(Placement.RECORDS));
        return Templates.detail(detail, "releases");
    }

    private Map<Placement, List<RawString>> renderSections(ReleasePageContext context) {
        Map<Placement, List<RawString>> rendered = new EnumMap<>(Placement.class);
        for (Placement placement : Placement.values()) {
            rendered.put(placement, new ArrayList<>());
        }
        for (ReleaseSection section : sections) {
            section.render(context).ifPresent(html -> rendered.get(section.placement()).add(html));
        }
        return rendered;
    }

    /** What approval still needs, shown while the release can still get there: every requirement asked only then. */
    private List<String> stillNeeded(ReleaseFacts facts, Map<String, RequirementWaivers.Waiver> waived) {
        return facts.state() == ReleaseState.DRAFT || facts.state() == ReleaseState.IN_REVIEW
                ? releases.unmet(facts, waived)
                : List.of();
    }
}
