package dev.greenlight.validation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.gate.MeasuredValue;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** CI reports post-release checks: the measured value and its evidence; Greenlight decides pass or fail. */
@Path("/api/v1/releases/{id}/checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Post-release checks", description = "Checks after publishing: smoke tests, error rate, performance, rollback plan")
class ChecksApi {
    private final ValidationService validation;
    private final ReleaseService releases;
    private final Inputs inputs;
    private final CurrentUser user;

    @Inject
    ChecksApi(ValidationService validation, ReleaseService releases, Inputs inputs, CurrentUser user) {
        this.validation = validation;
        this.releases = releases;
        this.inputs = inputs;
        this.user = user;
    }

    /**
     * {"value": 0.4, "evidence": {"url": "https://grafana.example/d/1"}, "note": "…"}; a "passed" field is ignored. The
     * value is read as written ({@link MeasuredValue}).
     */
    record CheckReport(
            @JsonDeserialize(using = MeasuredValue.AsWritten.class) @Size(max = Limits.MEASURED_VALUE_CHARS, message = "must be a number of at most {max} characters") String value,
            @Valid EvidenceLink evidence,
            @Size(max = Limits.NOTE_CHARS, message = "must be at most {max} characters") String note) {
    }

    record EvidenceLink(@Size(max = Limits.URL_CHARS, message = "must be at most {max} characters") String url) {
    }

    @GET
    @Operation(summary = "Where each post-release check the policy requires stands for the release")
    public List<CheckStatus> list(@PathParam("id") long id) {
        releases.get(id);
        return validation.status(id);
    }

    @POST
    @Path("/{check}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER})
    @Operation(summary = "Report a check's measured value with a link as evidence; Greenlight judges it")
    public Response report(@PathParam("id") long id, @PathParam("check") String check, CheckReport report) {
        if (report == null) {
            throw new InvalidInputException("value", "send the measured value and its evidence");
        }
        inputs.check(report);
        EvidenceInput evidence = report.evidence() == null
                ? null
                : EvidenceInput.link(report.evidence().url());
        return Response.status(201)
                .entity(validation.record(user.actor(), id, check, MeasuredValue.parse("value", report.value()),
                        evidence,
                        report.note()))
                .build();
    }

    /** The same with an uploaded evidence file (multipart: value, note, url or file). */
    @POST
    @Path("/{check}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER})
    @Operation(summary = "Report a check's measured value with an uploaded evidence file (multipart)")
    public Response reportWithFile(@PathParam("id") long id, @PathParam("check") String check,
            @RestForm String value, @RestForm String note, @RestForm String url, @RestForm("file") FileUpload file) {
        inputs.check(new CheckInput(check, value, note, url));
        return Response.status(201)
                .entity(validation.record(user.actor(), id, check, MeasuredValue.parse("value", value),
                        EvidenceInput.fromForm(url, file), note))
                .build();
    }

}
