package dev.greenlight.gate;

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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.greenlight.common.Inputs;
import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.release.ReleasePage;
import dev.greenlight.release.ReleasePageContext.RefusedForm;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** A maintainer (or the security team for vulnerabilities) records a gate result by hand, with evidence. */
@Path("/releases/{id}/gates")
@Produces(MediaType.TEXT_HTML)
class GatePages {
    private final GateService gates;
    private final ReleasePage page;
    private final Inputs inputs;
    private final CurrentUser user;

    @Inject
    GatePages(GateService gates, ReleasePage page, Inputs inputs, CurrentUser user) {
        this.gates = gates;
        this.page = page;
        this.inputs = inputs;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.CI, Roles.MAINTAINER, Roles.SECURITY_TEAM})
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response record(@PathParam("id") long id, @RestForm String gate, @RestForm String value,
            @RestForm String note, @RestForm String url, @RestForm("file") FileUpload file) {
        GateInput form = new GateInput(gate, value, note, url);
        return Forms.submit(() -> {
            inputs.check(form);
            GateStatus status = gates.record(user.actor(), id, form.gate(), MeasuredValue.parse("value", value),
                    EvidenceInput.fromForm(url, file), note);
            return Flash.redirect(URI.create("/releases/" + id), "Gate " + status.gate().label() + ": "
                    + status.state().name().toLowerCase() + ".");
        }, errors -> page.render(id, RefusedForm.of(GatesSection.FORM, values(form), errors)));
    }

    private static Map<String, String> values(GateInput form) {
        Map<String, String> values = new HashMap<>();
        values.put("gate", form.gate());
        values.put("value", form.value());
        values.put("note", form.note());
        values.put("url", form.url());
        return values;
    }
}
