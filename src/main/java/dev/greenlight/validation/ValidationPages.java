package dev.greenlight.validation;

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
import dev.greenlight.gate.MeasuredValue;
import dev.greenlight.release.ReleasePage;
import dev.greenlight.release.ReleasePageContext.RefusedForm;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** A maintainer records a post-release check by hand from the release page. */
@Path("/releases/{id}/checks")
@Produces(MediaType.TEXT_HTML)
class ValidationPages {
    private final ValidationService validation;
    private final ReleasePage page;
    private final Inputs inputs;
    private final CurrentUser user;

    @Inject
    ValidationPages(ValidationService validation, ReleasePage page, Inputs inputs, CurrentUser user) {
        this.validation = validation;
        this.page = page;
        this.inputs = inputs;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.CI, Roles.MAINTAINER})
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response record(@PathParam("id") long id, @RestForm String check, @RestForm String value,
            @RestForm String note, @RestForm String url, @RestForm("file") FileUpload file) {
        CheckInput form = new CheckInput(check, value, note, url);
        return Forms.submit(() -> {
            inputs.check(form);
            CheckStatus status = validation.record(user.actor(), id, check, MeasuredValue.parse("value", value),
                    EvidenceInput.fromForm(url, file), note);
            return Flash.redirect(URI.create("/releases/" + id + "#validation-title"),
                    "Check " + status.label() + ": " + status.state().name().toLowerCase() + ".");
        }, errors -> page.render(id, RefusedForm.of(ChecksSection.FORM, values(form), errors)));
    }

    private static Map<String, String> values(CheckInput form) {
        Map<String, String> values = new HashMap<>();
        values.put("check", form.check());
        values.put("value", form.value());
        values.put("note", form.note());
        values.put("url", form.url());
        return values;
    }
}
