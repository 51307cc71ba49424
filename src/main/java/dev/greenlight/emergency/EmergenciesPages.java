package dev.greenlight.emergency;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.common.Decision;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.incident.PostmortemSummary;
import dev.greenlight.incident.Severity;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.Actor;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** The emergency queue, the request form and the one-screen assessment and approval page. */
@Path("/emergencies")
@Produces(MediaType.TEXT_HTML)
class EmergenciesPages {
    private final EmergencyService emergencies;
    private final OverrideService overrides;
    private final ReleaseService releases;
    private final ChangesetService changesets;
    private final CurrentUser user;

    @Inject
    EmergenciesPages(EmergencyService emergencies, OverrideService overrides, ReleaseService releases,
            ChangesetService changesets, CurrentUser user) {
        this.emergencies = emergencies;
        this.overrides = overrides;
        this.releases = releases;
        this.changesets = changesets;
        this.user = user;
    }

    /** The queue, and every request newest first. */
    record Queue(List<EmergencyView> awaitingLeader, List<EmergencyView> awaitingAssessment,
            List<PostmortemSummary> overdue, List<OverrideView> overrides, List<EmergencyView> recent) {
    }

    /** What the request form held, so that a refused form comes back as typed. */
    record RequestForm(String release, String title, List<String> changesets, String criterion, String justification,
            String affectedServices, String risk, String incidentId, String incidentTitle, String incidentSeverity,
            String incidentReport) {
        static final RequestForm EMPTY = new RequestForm("", "", List.of(), "", "", "", "", "", "", "SEV1", "");

        public boolean includes(String id) {
            return changesets != null && changesets.contains(id);
        }

        public boolean selects(long id) {
            return String.valueOf(id).equals(release);
        }
    }

    /** What the decision forms held when they were refused. */
    record DecisionForm(List<String> bypass, List<String> candidate, List<String> bypassReason, String reason,
            String assessReason, String report) {
        static final DecisionForm EMPTY = new DecisionForm(List.of(), List.of(), List.of(), "", "", "");

        public boolean chosen(String key) {
            return bypass.contains(key);
        }

        public String reasonFor(String key) {
            int i = candidate.indexOf(key);
            return i >= 0 && i < bypassReason.size() ? bypassReason.get(i) : "";
        }
    }

    /** The one screen: what is asked and why, what fails or is missing, and the viewer's choices. */
    record Detail(EmergencyView emergency, ReleaseView release, List<EmergencyService.Candidate> candidates,
            List<String> unmet, Decision assess, Decision decide, boolean mayWriteReport,
            DecisionForm form, List<FieldError> errors) {

        /** The message about the bypass of {@code key}, as ticked, to show beside its reason. */
        public String bypassError(String key) {
            String prefix = "bypasses[" + form.bypass().indexOf(key) + "]";
            return errors.stream()
                    .filter(e -> e.field() != null && e.field().startsWith(prefix))
                    .map(FieldError::message)
                    .findFirst()
                    .orElse(null);
        }

        public List<EmergencyService.Candidate> open() {
            return candidates.stream().filter(c -> !c.satisfied()).toList();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Queue queue, Decision request, String nav);

        static native TemplateInstance create(RequestForm form, List<ReleaseView> myReleases,
                List<ChangesetView> pending, List<Criterion> criteria, List<Severity> severities,
                List<FieldError> errors, String nav);

        static native TemplateInstance detail(Detail d, String nav);
    }

    @GET
    public TemplateInstance list() {
        Actor actor = user.actor();
        return Templates.list(new Queue(emergencies.waiting(actor, EmergencyState.ASSESSED),
                emergencies.waiting(actor, EmergencyState.REQUESTED), emergencies.overduePostmortems(actor),
                overrides.open(actor), emergencies.recent(actor, 0, 20)), EmergencyPermissions.request(actor),
                "emergencies");
    }

    @GET
    @Path("/new")
    public TemplateInstance createForm(@QueryParam("release") String release) {
        RequestForm form = RequestForm.EMPTY;
        if (release != null && !release.isBlank()) {
            form = new RequestForm(release.strip(), "", List.of(), "", "", "", "", "", "", "SEV1", "");
        }
        return createPage(form, List.of());
    }

    @POST
    @RolesAllowed(Roles.AUTHOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String release, @RestForm String title,
            @RestForm("changeset") List<String> changesetIds, @RestForm String criterion,
            @RestForm String justification, @RestForm String affectedServices, @RestForm String risk,
            @RestForm String incidentId, @RestForm String incidentTitle, @RestForm String incidentSeverity,
            @RestForm String incidentReport) {
        RequestForm form = new RequestForm(release, title, changesetIds == null ? List.of() : changesetIds,
                criterion, justification, affectedServices, risk, incidentId, incidentTitle, incidentSeverity,
                incidentReport);
        return Forms.submit(() -> {
            Long releaseId = number("release", release);
            EmergencyView created = emergencies.request(user.actor(), new EmergencyService.RequestInput(releaseId,
                    title, form.changesets(), criterion, justification, affectedServices, risk,
                    number("incidentId", incidentId), incidentTitle, incidentSeverity, incidentReport));
            return Flash.redirect(URI.create("/emergencies/" + created.id()), "Emergency request " + created.id()
                    + " sent: the security or product team assesses it next.");
        }, errors -> createPage(form, errors));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        return detailPage(id, DecisionForm.EMPTY, List.of());
    }

    /** The security or product team validates or declines, with the reason. */
    @POST
    @RolesAllowed({Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/assessment")
    public Response assess(@PathParam("id") long id, @RestForm String decision, @RestForm String reason) {
        DecisionForm form = new DecisionForm(List.of(), List.of(), List.of(), "", reason, "");
        return Forms.submit(() -> {
            if ("decline".equals(decision)) {
                emergencies.decline(user.actor(), id, reason);
                return Flash.redirect(URI.create("/emergencies/" + id),
                        "You declined emergency " + id + "; the release stays on the normal path.");
            }
            if (!"validate".equals(decision)) {
                throw new InvalidInputException("decision", "must be validate or decline");
            }
            emergencies.assess(user.actor(), id, reason);
            return Flash.redirect(URI.create("/emergencies/" + id),
                    "Emergency " + id + " validated: an engineering leader decides next.");
        }, errors -> detailPage(id, form, errors));
    }

    /**
     * A leader approves with the bypasses ticked (each row sends its key as {@code candidate} and its reason as
     * {@code bypassReason}, in the same order) or denies.
     */
    @POST
    @RolesAllowed(Roles.ENGINEERING_LEADER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/decision")
    public Response decide(@PathParam("id") long id, @RestForm String decision, @RestForm String reason,
            @RestForm("bypass") List<String> bypass, @RestForm("candidate") List<String> candidate,
            @RestForm("bypassReason") List<String> bypassReason) {
        DecisionForm form = new DecisionForm(orEmpty(bypass), orEmpty(candidate), orEmpty(bypassReason), reason,
                "", "");
        return Forms.submit(() -> {
            if ("deny".equals(decision)) {
                emergencies.deny(user.actor(), id, reason);
                return Flash.redirect(URI.create("/emergencies/" + id), "You denied emergency " + id + ".");
            }
            if (!"approve".equals(decision)) {
                throw new InvalidInputException("decision", "must be approve or deny");
            }
            List<EmergencyService.BypassInput> chosen = new ArrayList<>();
            for (String key : form.bypass()) {
                chosen.add(new EmergencyService.BypassInput(key, form.reasonFor(key)));
            }
            EmergencyView approved = emergencies.approve(user.actor(), id, reason, chosen);
            String bypassed = approved.bypasses().isEmpty()
                    ? "nothing bypassed"
                    : "bypassed " + String.join(", ", approved.bypasses().stream().map(b -> b.label()).toList());
            return Flash.redirect(URI.create("/emergencies/" + id), approved.state() == EmergencyState.APPROVED
                    ? "Emergency " + id + " approved; " + bypassed + "."
                    : "Your approval is recorded; another engineering leader must approve too.");
        }, errors -> detailPage(id, form, errors));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/incident-report")
    public Response report(@PathParam("id") long id, @RestForm String report) {
        return Forms.submit(() -> {
            emergencies.writeIncidentReport(user.actor(), id, report);
            return Flash.redirect(URI.create("/emergencies/" + id), "Incident report saved.");
        }, errors -> detailPage(id, new DecisionForm(List.of(), List.of(), List.of(), "", "", report), errors));
    }

    private TemplateInstance detailPage(long id, DecisionForm form, List<FieldError> errors) {
        Actor actor = user.actor();
        EmergencyView emergency = emergencies.get(actor, id);
        EmergencyService.Choices choices = emergencies.choices(actor, emergency);
        Detail detail = new Detail(emergency, releases.get(emergency.releaseId()),
                emergencies.candidates(emergency.releaseId()), emergencies.unmet(emergency.releaseId()),
                choices.assess(), choices.decide(), choices.writeReport(), form, errors);
        return Templates.detail(detail, "emergencies");
    }

    private TemplateInstance createPage(RequestForm form, List<FieldError> errors) {
        String me = user.username();
        List<ReleaseView> mine = Stream.of(ReleaseState.DRAFT, ReleaseState.IN_REVIEW)
                .flatMap(state -> releases.search(state, null, 0, 100).items().stream())
                .filter(r -> r.createdBy().equals(me))
                .toList();
        return Templates.create(form, mine, changesets.pending(), List.of(Criterion.values()),
                List.of(Severity.values()), errors, "emergencies");
    }

    private static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number");
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
