package dev.greenlight.gate;

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
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** CI reports gate results: the measured value and its evidence; Greenlight decides pass or fail. */
@Path("/api/v1/releases/{id}/gates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Gates", description = "Quality gates: CI reports what it measured, Greenlight decides pass or fail")
class GatesApi {
    private final GateService gates;
    private final ReleaseService releases;
    private final Inputs inputs;
    private final CurrentUser user;

    @Inject
    GatesApi(GateService gates, ReleaseService releases, Inputs inputs, CurrentUser user) {
        this.gates = gates;
        this.releases = releases;
        this.inputs = inputs;
        this.user = user;
    }

    /**
     * {"value": 87.5, "evidence": {"url": "https://ci.example/run/42"}, "note": "…"}; a "passed" field is ignored. The
     * value is read as written ({@link MeasuredValue}).
     */
    record GateReport(
            @JsonDeserialize(using = MeasuredValue.AsWritten.class) @Size(max = Limits.MEASURED_VALUE_CHARS, message = "must be a number of at most {max} characters") String value,
            @Valid EvidenceLink evidence,
            @Size(max = Limits.NOTE_CHARS, message = "must be at most {max} characters") String note) {
    }

    record EvidenceLink(@Size(max = Limits.URL_CHARS, message = "must be at most {max} characters") String url) {
    }

    @GET
    @Operation(summary = "Where each gate the policy requires stands for the release")
    public List<GateStatus> list(@PathParam("id") long id) {
        return gates.status(releases.facts(id));
    }

    @POST
    @Path("/{gate}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER, Roles.SECURITY_TEAM})
    @Operation(summary = "Report a gate's measured value with a link as evidence; Greenlight judges it")
    public Response report(@PathParam("id") long id, @PathParam("gate") String gate, GateReport report) {
        if (report == null) {
            throw new InvalidInputException("value", "send the measured value and its evidence");
        }
        inputs.check(report);
        EvidenceInput evidence = report.evidence() == null
                ? null
                : EvidenceInput.link(report.evidence().url());
        return Response.status(201)
                .entity(gates.record(user.actor(), id, gate, MeasuredValue.parse("value", report.value()), evidence,
                        report.note()))
                .build();
    }

    /** The same with an uploaded evidence file (multipart: value, note, file). */
    @POST
    @Path("/{gate}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER, Roles.SECURITY_TEAM})
    @Operation(summary = "Report a gate's measured value with an uploaded evidence file (multipart)")
    public Response reportWithFile(@PathParam("id") long id, @PathParam("gate") String gate,
            @RestForm String value, @RestForm String note, @RestForm String url, @RestForm("file") FileUpload file) {
        inputs.check(new GateInput(gate, value, note, url));
        EvidenceInput evidence = null;
        if (file != null && file.fileName() != null && !file.fileName().isBlank()) {
            evidence = EvidenceInput.file(file.fileName(), file.contentType(), file.filePath());
        } else if (url != null && !url.isBlank()) {
            evidence = EvidenceInput.link(url);
        }
        return Response.status(201)
                .entity(gates.record(user.actor(), id, gate, MeasuredValue.parse("value", value), evidence, note))
                .build();
    }
}
