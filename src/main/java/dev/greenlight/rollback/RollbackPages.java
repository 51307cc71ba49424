package dev.greenlight.rollback;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.greenlight.common.Inputs;
import dev.greenlight.release.ReleasePage;
import dev.greenlight.release.ReleasePageContext.RefusedForm;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** Starting a rollback and ticking its checklist from the release page. */
@Path("/releases/{id}/rollbacks")
@Produces(MediaType.TEXT_HTML)
class RollbackPages {
    private final RollbackService rollbacks;
    private final ReleasePage page;
    private final Inputs inputs;
    private final CurrentUser user;

    @Inject
    RollbackPages(RollbackService rollbacks, ReleasePage page, Inputs inputs, CurrentUser user) {
        this.rollbacks = rollbacks;
        this.page = page;
        this.inputs = inputs;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.MAINTAINER, Roles.ENGINEERING_LEADER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("id") long id, @RestForm String reason, @RestForm String incidentId) {
        RollbackInput.Start form = new RollbackInput.Start(reason, incidentId);
        return Forms.submit(() -> {
            inputs.check(form);
            RollbackView started = rollbacks.start(user.actor(), id, reason, form.incident());
            return Flash.redirect(URI.create("/releases/" + id + "#rollback-title"), "Release " + id
                    + " is rolled back to " + String.join(", ", started.toTags()) + "; work through the checklist.");
        }, errors -> page.render(id, RefusedForm.of(RollbackSection.START,
                values("reason", reason, "incidentId", incidentId), errors)));
    }

    @POST
    @RolesAllowed({Roles.MAINTAINER, Roles.ENGINEERING_LEADER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{rollback}/steps/{step}")
    public Response tick(@PathParam("id") long id, @PathParam("rollback") long rollback,
            @PathParam("step") String step, @RestForm String outcome, @RestForm String note) {
        RollbackInput.Tick form = new RollbackInput.Tick(outcome, note);
        return Forms.submit(() -> {
            inputs.check(form);
            RollbackView ticked = rollbacks.tick(user.actor(), id, rollback, step, outcome, note);
            return Flash.redirect(URI.create("/releases/" + id + "#rollback-title"),
                    ticked.isInProgress() ? "Step ticked." : "Last step ticked: the rollback is complete.");
        }, errors -> page.render(id, RefusedForm.of(RollbackSection.TICK,
                values("rollback", String.valueOf(rollback), "step", step, "note", note), errors)));
    }

    private static Map<String, String> values(String... fieldsAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return values;
    }
}
